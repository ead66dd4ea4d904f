/**
 * The regional integrated online government-service platform (全区一体化在线政务服务平台): reading its item
 * exchange payload, mapping it onto the catalogue's guides, the change set against the current catalogue, and the
 * reviewer's console for catalogue drafts (上级审核), and the reports of case milestones ({@link
 * cn.onething.casework.CaseNews#PLATFORM_REPORT_KIND}) and ratings ({@link cn.onething.rating.RatingGiven#PLATFORM_REPORT_KIND})
 * to the platform, which casework and rating write to the outbox beside their own news; and the command that writes a
 * payload's change set back as guides/ files ({@link cn.onething.platform.PlatformWriteBack}). See docs/platform.md.
 */
@ApplicationModule(displayName = "Regional platform",
		allowedDependencies = { "shared", "shared :: yaml", "catalog", "catalog :: model", "catalog :: guidefiles", "identity",
				"casework", "casework :: model", "outbox", "rating", "bundle :: bundlefiles" })
package cn.onething.platform;

import org.springframework.modulith.ApplicationModule;
