package cn.onething.document;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import cn.onething.casework.CaseLinks;
import cn.onething.casework.Casework;
import cn.onething.casework.StoredCase;
import cn.onething.casework.Remedies;
import cn.onething.casework.model.CaseSchedule;
import cn.onething.casework.model.Completion;
import cn.onething.casework.model.OneTimeNotice;
import cn.onething.casework.model.StepState;
import cn.onething.catalog.CatalogSnapshot;
import cn.onething.catalog.model.Guide;
import cn.onething.catalog.Catalog;
import cn.onething.catalog.CatalogProperties;
import cn.onething.document.pdf.AcceptanceReceiptWriter;
import cn.onething.document.pdf.ExtensionNoticeWriter;
import cn.onething.document.pdf.FontChain;
import cn.onething.document.pdf.NonAcceptanceNoticeWriter;
import cn.onething.document.pdf.NoticeWriter;
import cn.onething.document.pdf.RefusalDecisionWriter;
import cn.onething.notification.CaseBindingCode;
import cn.onething.notification.CaseBindingCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The written documents of a case that 行政许可法 §32, §38 and §42 require: the dated acceptance receipt (受理回执),
 * each one-time notice (一次性告知书), the notice of an extension (延长期限告知书), the 不予受理通知书 and each step's
 * 不予行政许可决定书, as PDFs. Not cached: a case changes, and a one-page sheet renders in milliseconds.
 */
@Service
public class CaseDocuments implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(CaseDocuments.class);
	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	/**
	 * OpenPDF is blocking, so sheets render here, never on a request thread. {@link Documents} keeps its scheduler
	 * to itself (its two threads are for compendiums of seconds each); one-page sheets get their own, equally
	 * bounded, so a window printing receipts never waits behind a compendium, nor the other way round.
	 */
	private final Scheduler rendering = Schedulers.newBoundedElastic(2, 256, "case-documents");
	private final Casework casework;
	private final CaseLinks links;
	private final Catalog catalog;
	private final CatalogProperties properties;
	private final AcceptanceReceiptWriter receipts;
	private final NoticeWriter notices;
	private final ExtensionNoticeWriter extensions;
	private final NonAcceptanceNoticeWriter nonAcceptances;
	private final RefusalDecisionWriter refusals;
	private final CaseBindingCodes bindingCodes;
	private final DocumentProperties settings;
	private final Remedies remedies;

	CaseDocuments(Casework casework, CaseLinks links, Catalog catalog, CatalogProperties properties,
			CaseBindingCodes bindingCodes, DocumentProperties settings, Remedies remedies) {
		this.casework = casework;
		this.links = links;
		this.catalog = catalog;
		this.properties = properties;
		this.bindingCodes = bindingCodes;
		this.settings = settings;
		this.remedies = remedies;
		this.receipts = new AcceptanceReceiptWriter(FontChain.shipped());
		this.notices = new NoticeWriter(FontChain.shipped());
		this.extensions = new ExtensionNoticeWriter(FontChain.shipped());
		this.nonAcceptances = new NonAcceptanceNoticeWriter(FontChain.shipped());
		this.refusals = new RefusalDecisionWriter(FontChain.shipped());
	}

	/**
	 * The acceptance receipt of the case as it stands, dated today, with the case's WeChat binding code when WeChat
	 * gives it in time; empty when there is no such case.
	 */
	public Mono<byte[]> receipt(String caseId) {
		return casework.byId(caseId).flatMap(stored -> wechatCode(stored.file().receiptCode())
				.flatMap(wechat -> Mono.fromCallable(() -> receipts.write(stored, catalog.current().hall(), schedule(stored),
						progressUrl(stored), wechat, LocalDate.now(CHINA))).subscribeOn(rendering)));
	}

	/**
	 * None when the code cannot be had in time, mostly because WeChat refuses or is slow: the receipt is the written record 行政许可法 §32 requires and is printed
	 * regardless, and the applicant can still bind from the progress page.
	 */
	private Mono<Optional<CaseBindingCode>> wechatCode(String receiptCode) {
		return bindingCodes.forPrint(receiptCode)
				.timeout(settings.wechatCodeWait())
				.map(Optional::of)
				.onErrorResume(failure -> {
					log.warn("the receipt of case {} is printed without its WeChat code: {}", receiptCode,
							failure instanceof TimeoutException ? "no code within " + settings.wechatCodeWait() : failure.toString());
					return Mono.just(Optional.empty());
				});
	}

	/** The one-time notice of that version; empty when there is no such case or notice. */
	public Mono<byte[]> notice(String caseId, int version) {
		return casework.byId(caseId).flatMap(stored -> notice(stored, version)
				.map(notice -> Mono.fromCallable(() -> notices.write(stored, notice, catalog.current().hall(),
						progressUrl(stored))).subscribeOn(rendering))
				.orElse(Mono.empty()));
	}

	/** The 不予受理通知书 of a case turned away; empty when there is no such case or it was not turned away. */
	public Mono<byte[]> nonAcceptance(String caseId) {
		return casework.byId(caseId).flatMap(stored -> Optional.ofNullable(stored.file().completion())
				.map(Completion::nonAcceptance)
				.map(decision -> Mono.fromCallable(() -> nonAcceptances.write(stored, decision, catalog.current().hall(), remedies,
						progressUrl(stored))).subscribeOn(rendering))
				.orElse(Mono.empty()));
	}

	/** The 不予行政许可决定书 of a refused step; empty when there is no such case or the step was not refused. */
	public Mono<byte[]> refusal(String caseId, String stepId) {
		return casework.byId(caseId).flatMap(stored -> stored.file().step(stepId)
				.filter(step -> step.state() == StepState.REFUSED)
				.map(step -> Mono.fromCallable(() -> {
					CatalogSnapshot current = catalog.current();
					Map<String, String> itemNames = step.plan().itemCodes().stream().collect(Collectors.toMap(code -> code,
							code -> current.guide(code).map(Guide::name).orElse(code), (a, b) -> a));
					return refusals.write(stored, step, itemNames, current.departmentName(step.plan().departmentId()),
							current.hall(), remedies, progressUrl(stored));
				}).subscribeOn(rendering))
				.orElse(Mono.empty()));
	}

	private static Optional<OneTimeNotice> notice(StoredCase stored, int version) {
		return stored.file().notices().stream().filter(n -> n.version() == version).findFirst();
	}

	/**
	 * The 延长期限告知书 of the case (行政许可法 §42); empty when there is no such case or it was not extended. Rendered
	 * on the sheets' own scheduler, like the other sheets.
	 */
	public Mono<byte[]> extensionNotice(String caseId) {
		return casework.byId(caseId).filter(stored -> stored.file().extensionReason() != null)
				.flatMap(stored -> Mono.fromCallable(() -> extensions.write(stored, schedule(stored), catalog.current().hall(),
						progressUrl(stored), stored.file().extendedOn() == null ? LocalDate.now(CHINA) : stored.file().extendedOn()))
						.subscribeOn(rendering));
	}

	private CaseSchedule schedule(StoredCase stored) {
		return CaseSchedule.of(stored.file(), casework.calendar());
	}

	private String progressUrl(StoredCase stored) {
		return properties.publicBaseUrl() + links.progressPath(stored.file().receiptCode());
	}

	@Override
	public void destroy() {
		rendering.dispose();
	}
}
