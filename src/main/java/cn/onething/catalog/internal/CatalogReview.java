package cn.onething.catalog.internal;

import java.time.LocalDate;
import java.util.Objects;

import cn.onething.catalog.CatalogDraft;
import cn.onething.catalog.DraftNotOpen;
import cn.onething.catalog.ImportResult;
import cn.onething.catalog.guidefiles.GuideFolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Review before publication (docs/platform.md §3): a valid folder becomes a draft instead of an import, and only a
 * reviewer's approval publishes it, through the same importer, in the transaction that records the decision. Since
 * a publication is one catalog_import row, every replica switches to it at once when it next polls.
 */
@Component
public class CatalogReview {

	private final DraftStore drafts;
	private final CatalogStore catalog;
	private final CatalogImporter importer;
	private final TransactionalOperator transaction;

	CatalogReview(DraftStore drafts, CatalogStore catalog, CatalogImporter importer, TransactionalOperator transaction) {
		this.drafts = drafts;
		this.catalog = catalog;
		this.importer = importer;
		this.transaction = transaction;
	}

	/** A draft of the folder, unless it equals the published catalogue or the draft already waiting. */
	public Mono<ImportResult> submit(GuideFolder folder, String source, LocalDate today) {
		String hash = importer.catalogHash(folder);
		Mono<ImportResult> submit = catalog.lockImports()
				.then(catalog.latestImport().map(CatalogStore.LatestImport::catalogHash).defaultIfEmpty(""))
				.zipWith(drafts.openDraftHash().defaultIfEmpty(""))
				.flatMap(known -> hash.equals(known.getT1()) || hash.equals(known.getT2()) ? Mono.just(ImportResult.unchanged())
						: drafts.insert(hash, source, folder, publishOn(folder, today)).map(id -> ImportResult.drafted()));
		return transaction.transactional(submit);
	}

	public Flux<CatalogDraft> recent(int limit) {
		return drafts.recent(limit);
	}

	public Mono<CatalogDraft> find(long id) {
		return drafts.find(id);
	}

	/** Approves the draft: published now, or on its planned effective date when that is still ahead. */
	public Mono<CatalogDraft> approve(long id, String reviewer, LocalDate today) {
		Mono<Void> approve = catalog.lockImports().then(openDraft(id, CatalogDraft.Status.PENDING)).flatMap(draft -> {
			Mono<Void> decided = drafts.decide(id, CatalogDraft.Status.APPROVED, reviewer, null);
			boolean due = draft.publishOn() == null || !draft.publishOn().isAfter(today);
			return due ? decided.then(publish(draft, reviewer)) : decided;
		});
		return transaction.transactional(approve).then(drafts.find(id));
	}

	/** Sends the draft back with the reviewer's reasons: it is never published. */
	public Mono<CatalogDraft> sendBack(long id, String reviewer, String reason) {
		Objects.requireNonNull(reason, "reason");
		Mono<Void> sendBack = openDraft(id, CatalogDraft.Status.PENDING)
				.flatMap(draft -> drafts.decide(id, CatalogDraft.Status.SENT_BACK, reviewer, reason));
		return transaction.transactional(sendBack).then(drafts.find(id));
	}

	/** Publishes approved drafts whose day has come; any replica may run it, each draft is published once. */
	public Mono<Long> publishDue(LocalDate today) {
		return drafts.approvedAndDue(today)
				.concatMap(id -> transaction.transactional(catalog.lockImports()
						.then(drafts.lock(id))
						.filter(draft -> draft.status() == CatalogDraft.Status.APPROVED)
						.flatMap(draft -> publish(draft, draft.reviewer()).thenReturn(1L))))
				.count();
	}

	private Mono<CatalogDraft> openDraft(long id, CatalogDraft.Status wanted) {
		return drafts.lock(id).filter(draft -> draft.status() == wanted).switchIfEmpty(Mono.error(() -> new DraftNotOpen(id)));
	}

	private Mono<Void> publish(CatalogDraft draft, String reviewer) {
		return importer.importFolder(draft.folder(), "draft " + draft.id() + " (" + draft.source() + ")", reviewer)
				.flatMap(result -> drafts.published(draft.id(), result.importId()));
	}

	/** 计划生效日期: the latest effective date still ahead, if any; otherwise the draft is due once approved. */
	private static LocalDate publishOn(GuideFolder folder, LocalDate today) {
		return folder.guides().stream().map(sourced -> sourced.guide().effectiveDate())
				.filter(Objects::nonNull).filter(date -> date.isAfter(today))
				.max(LocalDate::compareTo).orElse(null);
	}
}
