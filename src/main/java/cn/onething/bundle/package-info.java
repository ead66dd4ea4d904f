/**
 * One-thing bundles (一件事): several items a citizen experiences as one thing, asked with one combined form
 * (一张表单) and one set of merged materials (一套材料), decided by departments along an approval plan whose steps
 * run in series (串联) or in parallel (并联). The county's hall accepts the whole bundle at one window and one
 * department leads it (行政许可法 §26); handled jointly it is capped at 45 working days (§42).
 * <p>
 * Public API, all in this package: {@link cn.onething.bundle.Bundles} (the facade), {@link cn.onething.bundle.Bundle}
 * with its {@link cn.onething.bundle.CombinedForm}, {@link cn.onething.bundle.MergedMaterial}s and
 * {@link cn.onething.bundle.ApprovalPlan}. The records and rules are plain Java; {@code bundlefiles} (reading
 * guides/bundles/), {@code internal} (storage) and {@code web} are private to the module.
 */
@ApplicationModule(displayName = "One-thing bundles", allowedDependencies = { "shared", "shared :: yaml", "catalog", "catalog :: model", "catalog :: guidefiles" })
package cn.onething.bundle;

import org.springframework.modulith.ApplicationModule;
