package cn.onething.platform.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import cn.onething.casework.CaseNews;
import cn.onething.casework.StoredCase;
import cn.onething.casework.model.CaseEvent;
import cn.onething.casework.model.Completion;
import cn.onething.catalog.CatalogSnapshot;
import cn.onething.catalog.model.Guide;
import cn.onething.rating.RatingGiven;

/**
 * What a report says (docs/platform.md §5): the case library's fields filled from a case event or a rating, the
 * items' codes and departments' credit codes from the current catalogue, the applicant masked.
 */
final class ReportContents {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(CHINA);
	private static final Map<String, String> CHANNELS = Map.of("online", "1", "mobile", "2", "onsite", "3");
	private static final Map<String, String> CHANNEL_NAMES = Map.of("online", "PC端", "mobile", "移动端", "onsite", "政务服务大厅");

	/** A report that cannot be written as things stand (an item no longer in the catalogue): a person must look. */
	static final class Unreportable extends RuntimeException {
		Unreportable(String reason) {
			super(reason, null, false, false);
		}
	}

	private ReportContents() {
	}

	/** The case report of a milestone ({@link CaseNews#isMilestone}); {@link Unreportable} when it cannot be written. */
	static CaseReport of(String key, CaseNews news, CaseEvent event, StoredCase stored, CatalogSnapshot catalog) {
		List<ReportItem> items = items(stored.file().terms().plan().stream().flatMap(step -> step.itemCodes().stream())
				.distinct().toList(), catalog);
		ReportedApplicant applicant = ReportedApplicant.of(stored.applicant());
		Builder report = new Builder(key, news, event.at(), items, applicant.type(), applicant.name(), applicant.idType(),
				applicant.idNumber(), stored.file().receivedOn());
		if (event instanceof CaseEvent.ApplicationSubmitted) {
			return report.state("01", "收件").build();
		}
		if (event instanceof CaseEvent.NoticeIssued issued) {
			return report.state("02", "补正告知").notice(issued.notice().items().stream()
					.map(flag -> flag.materialName() != null ? flag.materialName()
							: stored.file().terms().materials().getOrDefault(flag.materialKey(), flag.materialKey()))
					.distinct().toList(), issued.notice().correctBy()).build();
		}
		if (event instanceof CaseEvent.ApplicationAccepted accepted) {
			return report.state("03", "受理").accepted(accepted.acceptance().effectiveOn(), accepted.acceptance().basis().label())
					.build();
		}
		if (event instanceof CaseEvent.ApplicationCompleted completed) {
			return completed.completion().result() == Completion.Result.NOT_ACCEPTED
					? report.state("04", "不予受理").notAccepted(completed.completion()).build()
					: report.state("05", "办结").finished(completed.completion()).build();
		}
		throw new Unreportable("事件 " + event.kind() + " 不向平台报送");
	}

	static RatingReport of(String key, RatingGiven given, CatalogSnapshot catalog) {
		return new RatingReport(key, RatingReport.TYPE, given.caseId(), given.receiptCode(), items(given.itemCodes(), catalog),
				CHANNELS.getOrDefault(given.channel(), "9"), CHANNEL_NAMES.getOrDefault(given.channel(), given.channel()),
				given.level(), given.indicators(), time(given.ratedAt()));
	}

	/** What staff read of a report the platform did not take: the receipt code and the milestone, never the applicant. */
	static String subject(CaseNews news, CaseEvent event) {
		String milestone;
		if (event instanceof CaseEvent.ApplicationSubmitted) {
			milestone = "收件";
		}
		else if (event instanceof CaseEvent.NoticeIssued) {
			milestone = "补正告知";
		}
		else if (event instanceof CaseEvent.ApplicationAccepted) {
			milestone = "受理";
		}
		else if (event instanceof CaseEvent.ApplicationCompleted completed) {
			milestone = completed.completion().result() == Completion.Result.NOT_ACCEPTED ? "不予受理" : "办结";
		}
		else {
			milestone = event.kind();
		}
		return news.receiptCode() + " " + milestone;
	}

	static String subject(RatingGiven given) {
		return given.receiptCode() + " 好差评";
	}

	private static List<ReportItem> items(List<String> codes, CatalogSnapshot catalog) {
		return codes.stream().map(code -> {
			Guide guide = catalog.guide(code).orElseThrow(() -> new Unreportable("事项 " + code
					+ " 不在当前目录中，无法取得实施编码和部门统一社会信用代码"));
			return new ReportItem(guide.code(), guide.implementationCode(), guide.name(), guide.department().code(),
					guide.department().name());
		}).toList();
	}

	private static String time(Instant at) {
		return TIME.format(at);
	}

	/** The fields every case report has, then those of its state. */
	private static final class Builder {

		private final String key;
		private final CaseNews news;
		private final Instant at;
		private final List<ReportItem> items;
		private final String applicantType;
		private final String applicantName;
		private final String idType;
		private final String idNumber;
		private final LocalDate receivedOn;
		private String stateCode;
		private String stateName;
		private List<String> noticeMaterials;
		private String correctBy;
		private String acceptDate;
		private String acceptBasis;
		private String resultCode;
		private String resultName;
		private String finishDate;
		private String reason;

		Builder(String key, CaseNews news, Instant at, List<ReportItem> items, String applicantType, String applicantName,
				String idType, String idNumber, LocalDate receivedOn) {
			this.key = key;
			this.news = news;
			this.at = at;
			this.items = items;
			this.applicantType = applicantType;
			this.applicantName = applicantName;
			this.idType = idType;
			this.idNumber = idNumber;
			this.receivedOn = receivedOn;
		}

		Builder state(String code, String name) {
			stateCode = code;
			stateName = name;
			return this;
		}

		Builder notice(List<String> materials, LocalDate by) {
			noticeMaterials = materials;
			correctBy = String.valueOf(by);
			return this;
		}

		Builder accepted(LocalDate effectiveOn, String basis) {
			acceptDate = String.valueOf(effectiveOn);
			acceptBasis = basis;
			return this;
		}

		Builder notAccepted(Completion completion) {
			finishDate = String.valueOf(completion.completedOn());
			reason = completion.nonAcceptance() == null ? null : completion.nonAcceptance().reason();
			return this;
		}

		/** 1 准予许可, 2 部分准予, 3 不予许可: the bundle's result over its items. */
		Builder finished(Completion completion) {
			resultCode = switch (completion.result()) {
				case APPROVED -> "1";
				case PARTLY_APPROVED -> "2";
				case REFUSED, NOT_ACCEPTED -> "3";
			};
			resultName = switch (completion.result()) {
				case APPROVED -> "准予许可";
				case PARTLY_APPROVED -> "部分准予许可";
				case REFUSED, NOT_ACCEPTED -> "不予许可";
			};
			finishDate = String.valueOf(completion.completedOn());
			return this;
		}

		CaseReport build() {
			return new CaseReport(key, CaseReport.TYPE, news.caseId(), news.receiptCode(), news.seq(), stateCode, stateName,
					time(at), news.bundleName(), items, applicantType, applicantName, idType, idNumber, String.valueOf(receivedOn),
					noticeMaterials, correctBy, acceptDate, acceptBasis, resultCode, resultName, finishDate, reason);
		}
	}
}
