package cn.onething.casework.web.api;

import java.time.LocalDate;

import cn.onething.calendar.WorkingDayCalendar;
import cn.onething.casework.CaseLinks;
import cn.onething.casework.model.CaseFile;
import io.swagger.v3.oas.annotations.media.Schema;

/** The receipt of a filed application (回执): what the applicant needs to follow it, and the dates known at filing. */
@Schema(description = "The receipt of a filed application")
record FiledApplication(
		@Schema(description = "回执编号: with the last four digits of the phone it finds the case", example = "FS7K2M9QXT") String receiptCode,
		BundleRef bundle,
		@Schema(description = "REVIEWING, AWAITING_CORRECTION or COMPLETED", example = "REVIEWING") String status,
		LocalDate receivedOn,
		@Schema(description = "The last day for the one-time notice of missing materials (行政许可法 §32: five working days "
				+ "after receipt); without one by then the application counts as accepted from the day of receipt")
		LocalDate noticeDueOn,
		@Schema(description = "The decision's due date; null until the application is accepted, when the clock starts")
		LocalDate dueOn,
		@Schema(description = "承诺时限: working days from acceptance to decision", example = "15") int committedWorkingDays,
		@Schema(description = "The applicant's progress page, signed: opens without the phone digits. Print it as a QR code")
		String progressUrl,
		@Schema(description = "The acceptance receipt (受理回执) as PDF, signed like progressUrl") String receiptPdfUrl) {

	/** A bundle and the version an application was filed under. */
	record BundleRef(@Schema(example = "newborn") String id, @Schema(example = "新生儿出生一件事") String name,
			@Schema(example = "1") int version) {

		static BundleRef of(CaseFile file) {
			return new BundleRef(file.terms().bundleId(), file.terms().bundleName(), file.terms().bundleVersion());
		}
	}

	static FiledApplication of(CaseFile file, WorkingDayCalendar calendar, CaseLinks links, String baseUrl) {
		return new FiledApplication(file.receiptCode(), BundleRef.of(file), file.status().name(), file.receivedOn(),
				file.noticeDueOn(calendar), file.deadline().map(d -> d.dueDate(calendar)).orElse(null),
				file.terms().committedWorkingDays(), baseUrl + links.progressPath(file.receiptCode()),
				baseUrl + links.receiptPdfPath(file.receiptCode()));
	}
}
