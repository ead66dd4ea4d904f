package cn.onething.document;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import cn.onething.casework.CaseLinks;
import cn.onething.casework.Casework;
import cn.onething.casework.StoredCase;
import cn.onething.casework.model.OneTimeNotice;
import cn.onething.catalog.Catalog;
import cn.onething.catalog.CatalogProperties;
import cn.onething.document.pdf.AcceptanceReceiptWriter;
import cn.onething.document.pdf.FontChain;
import cn.onething.document.pdf.NoticeWriter;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The written documents of a case that 行政许可法 §32 requires: the dated acceptance receipt (受理回执) and each
 * one-time notice (一次性告知书), as PDFs. Not cached: a case changes, and a one-page sheet renders in milliseconds.
 */
@Service
public class CaseDocuments implements DisposableBean {

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

	CaseDocuments(Casework casework, CaseLinks links, Catalog catalog, CatalogProperties properties) {
		this.casework = casework;
		this.links = links;
		this.catalog = catalog;
		this.properties = properties;
		this.receipts = new AcceptanceReceiptWriter(FontChain.shipped());
		this.notices = new NoticeWriter(FontChain.shipped());
	}

	/** The acceptance receipt of the case as it stands, dated today; empty when there is no such case. */
	public Mono<byte[]> receipt(String caseId) {
		return casework.byId(caseId).flatMap(stored -> Mono.fromCallable(() -> receipts.write(stored,
				catalog.current().hall(), dueDate(stored), progressUrl(stored), LocalDate.now(CHINA)))
				.subscribeOn(rendering));
	}

	/** The one-time notice of that version; empty when there is no such case or notice. */
	public Mono<byte[]> notice(String caseId, int version) {
		return casework.byId(caseId).flatMap(stored -> notice(stored, version)
				.map(notice -> Mono.fromCallable(() -> notices.write(stored, notice, catalog.current().hall(),
						progressUrl(stored))).subscribeOn(rendering))
				.orElse(Mono.empty()));
	}

	private static Optional<OneTimeNotice> notice(StoredCase stored, int version) {
		return stored.file().notices().stream().filter(n -> n.version() == version).findFirst();
	}

	private Optional<LocalDate> dueDate(StoredCase stored) {
		return stored.file().deadline().map(deadline -> deadline.dueDate(casework.calendar()));
	}

	private String progressUrl(StoredCase stored) {
		return properties.publicBaseUrl() + links.progressPath(stored.file().receiptCode());
	}

	@Override
	public void destroy() {
		rendering.dispose();
	}
}
