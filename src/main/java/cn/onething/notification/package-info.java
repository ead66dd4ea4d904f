/**
 * What to tell whom about a case (docs/architecture.md §3, §6): the casework module's news (outbox kind {@code
 * casework.event}) becomes WeChat pushes for every openid bound to the case, each delivered once by its own outbox
 * message; step news within a short window is merged into one push; delivery reports update each push; pushes WeChat
 * refused are listed for staff to retry. Applicants bind a case by scanning its QR code or through WeChat OAuth, with a
 * signed scene, and unbind with the link in every push.
 * <p>
 * It listens (outbox handlers, a WeChat listener) and serves its own pages, the binding and unbinding pages under
 * {@code /cases/{receipt}/wechat} that the progress page links to, and the staff's list of failed pushes. Its public
 * services are {@link cn.onething.notification.CaseBindingCodes}, a case's binding QR code, which the document module
 * prints on the acceptance receipt, and {@link cn.onething.notification.RatingInvitations}, the invitation to rate a
 * completed case, which the rating module sends when it falls due. Of casework it uses the news and its event types, the signed progress
 * links, and one read of a case when an applicant binds it (its id and name for the confirmation). {@code internal}
 * and {@code web} are private to the module.
 */
@ApplicationModule(displayName = "Notification",
		allowedDependencies = { "casework", "casework :: model", "identity", "outbox", "wechat" })
package cn.onething.notification;

import org.springframework.modulith.ApplicationModule;
