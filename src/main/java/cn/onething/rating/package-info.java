/**
 * 好差评 (docs/rating.md): an applicant rates each completed case once, with the case's signed link, on the page under
 * {@code /cases/{receipt}/rating} (linked from the progress page and from a WeChat invitation) or by API; five national
 * levels and indicators; one invitation push when a case is still unrated {@code onething.rating.invite-after} after
 * completion; a bad rating opens a follow-up (差评整改) that supervisors work and close, which the applicant may rate;
 * satisfaction per department and item in the staff console.
 * <p>
 * It learns of completions from the casework module's {@link cn.onething.casework.CaseCompleted} (an outbox message),
 * reads cases through {@link cn.onething.casework.Casework} and checks their signed links with
 * {@link cn.onething.casework.CaseLinks}; it pushes invitations through the notification module's
 * {@link cn.onething.notification.RatingInvitations}, and publishes {@link cn.onething.rating.RatingGiven} through the
 * outbox. {@code model} (the rules, plain Java), {@code internal} and {@code web} are private to the module.
 */
@ApplicationModule(displayName = "Rating", allowedDependencies = { "calendar", "casework", "casework :: model", "catalog",
		"catalog :: model", "identity", "notification", "outbox", "shared" })
package cn.onething.rating;

import org.springframework.modulith.ApplicationModule;
