/**
 * Printed documents: the Service Guide Compendium (《办事指南一本通》) with its one-thing pages (一件事一次办), the
 * acceptance receipt (受理回执), the one-time notice (一次性告知书), the 不予受理通知书, the 不予行政许可决定书 and the
 * village and township notice boards (公示栏, {@link cn.onething.document.VillageBoards}). The
 * only module that uses OpenPDF; it ships its own fonts under {@code resources/fonts} so no machine needs Chinese
 * fonts installed.
 * <p>
 * Public API: {@link cn.onething.document.Documents} (PDFs as {@code Mono}, rendered on a bounded scheduler and
 * cached per catalogue and bundle version), {@link cn.onething.document.CompendiumSelection} (the whole catalogue, a
 * domain, a department or a bundle) and {@link cn.onething.document.Compendium},
 * {@link cn.onething.document.CaseDocuments}. {@code pdf} (the OpenPDF layout), {@code internal} (the printed books
 * every replica shares) and {@code web} (downloads, also under {@code /api}, and the console's page to choose a book)
 * are private to the module. Reads the catalogue, the bundles and cases; writes only its own table of printed books.
 * Uses {@code identity} for the signed-in member that the console's bar shows, as every console page does.
 * <p>
 * The acceptance receipt also prints the case's WeChat binding code, which it asks of the notification module's
 * {@link cn.onething.notification.CaseBindingCodes}. That module owns bindings and their codes, and documents is a
 * leaf nobody depends on, so this dependency makes no cycle; a port owned here and implemented there would add an
 * interface with one implementation and make notification depend on documents for no other reason.
 */
@ApplicationModule(displayName = "Documents", allowedDependencies = { "catalog", "catalog :: model", "bundle",
		"casework", "casework :: model", "calendar", "identity", "notification", "village" })
package cn.onething.document;

import org.springframework.modulith.ApplicationModule;
