/**
 * Cases (办件) from filing to completion: a one-thing bundle filed from its one form, by the applicant's page, the
 * applications API or the window (一窗受理); the one-time notice of missing materials and the correction; acceptance,
 * serial and parallel steps decided by each department, refusals, extensions and special procedures; working-day
 * deadlines; the audit trail; the applicant's signed links and look-up by receipt code.
 * <p>
 * Public API, in this package: {@link cn.onething.casework.Casework} (one reactive chain per use case: load, decide
 * by the rules, save the state with its events in one transaction), {@link cn.onething.casework.BundleFiling}
 * (filing from the combined form), {@link cn.onething.casework.CaseLookup} and {@link cn.onething.casework.CaseLinks}
 * (how an applicant reaches a case), and what other modules learn through the outbox:
 * {@link cn.onething.casework.CaseNews} (kind {@code casework.event}) and
 * {@link cn.onething.casework.CaseCompleted}. {@code model} is the named interface with the rules as plain Java
 * (docs/architecture.md §1 and §5, docs/legal.md §3); {@code internal} (storage) and {@code web} (applicant, staff
 * and API routes) are private to the module. It never depends on {@code notification}: news leaves through the
 * outbox.
 */
@ApplicationModule(displayName = "Casework", allowedDependencies = { "bundle", "calendar", "catalog", "catalog :: model",
		"identity", "outbox", "shared" })
package cn.onething.casework;

import org.springframework.modulith.ApplicationModule;
