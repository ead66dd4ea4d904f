package cn.onething.catalog.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.onething.catalog.ImportResult;
import cn.onething.catalog.guidefiles.GuideFolder;
import cn.onething.catalog.guidefiles.GuideFolder.SourcedGuide;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Writes a valid guides folder into the database in one transaction: all or nothing, a new version only for an
 * item whose content changed, and a withdrawal (never a deletion) for an item whose file is gone.
 */
@Component
public class CatalogImporter {

	private final CatalogStore store;
	private final TransactionalOperator transaction;

	CatalogImporter(CatalogStore store, TransactionalOperator transaction) {
		this.store = store;
		this.transaction = transaction;
	}

	public Mono<ImportResult> importFolder(GuideFolder folder, String source) {
		return importFolder(folder, source, null);
	}

	/**
	 * Publishes the folder; {@code approvedBy} names the reviewer whose approval publishes it (docs/platform.md §3),
	 * or is null when files publish without review. Joins the caller's transaction when there is one.
	 */
	public Mono<ImportResult> importFolder(GuideFolder folder, String source, String approvedBy) {
		Map<String, String> hashes = guideHashes(folder);
		String catalogHash = catalogHash(folder, hashes);
		Mono<ImportResult> write = store.lockImports()
				.then(store.latestImport().map(CatalogStore.LatestImport::catalogHash).defaultIfEmpty(""))
				.flatMap(latest -> latest.equals(catalogHash) ? Mono.just(ImportResult.unchanged())
						: store.storedItems().collectMap(CatalogStore.StoredItem::code, Function.identity())
								.flatMap(stored -> write(folder, source, approvedBy, catalogHash, hashes, stored)));
		return transaction.transactional(write);
	}

	/** What identifies the folder's content: equal hashes, equal catalogues. */
	public String catalogHash(GuideFolder folder) {
		return catalogHash(folder, guideHashes(folder));
	}

	private Map<String, String> guideHashes(GuideFolder folder) {
		return folder.guides().stream()
				.collect(Collectors.toMap(g -> g.guide().code(), g -> sha256(store.toJsonText(g.guide())), (a, b) -> a, TreeMap::new));
	}

	private String catalogHash(GuideFolder folder, Map<String, String> hashes) {
		return sha256(store.toJsonText(List.of(folder.hall(), folder.domains(), folder.departments(), hashes)));
	}

	private Mono<ImportResult> write(GuideFolder folder, String source, String approvedBy, String catalogHash,
			Map<String, String> hashes, Map<String, CatalogStore.StoredItem> stored) {
		List<SourcedGuide> newVersions = new ArrayList<>();
		List<String> restored = new ArrayList<>();
		int added = 0;
		for (SourcedGuide sourced : folder.guides()) {
			CatalogStore.StoredItem item = stored.get(sourced.guide().code());
			if (item == null || !item.contentHash().equals(hashes.get(sourced.guide().code()))) {
				newVersions.add(sourced);
				added += item == null ? 1 : 0;
			}
			else if (item.withdrawn()) {
				restored.add(item.code());
			}
		}
		Set<String> present = hashes.keySet();
		List<String> withdrawn = stored.values().stream()
				.filter(item -> !item.withdrawn() && !present.contains(item.code()))
				.map(CatalogStore.StoredItem::code).toList();
		int addedCount = added + restored.size();
		int changedCount = newVersions.size() - added;
		return store.insertImport(catalogHash, source, approvedBy, addedCount, changedCount, withdrawn.size(), folder.hall(),
						folder.domains(), folder.departments())
				.flatMap(importId -> Flux.fromIterable(newVersions)
						.concatMap(g -> store.saveVersion(importId, g.guide(), nextVersion(stored, g), hashes.get(g.guide().code()), g.path()))
						.thenMany(Flux.fromIterable(restored).concatMap(code -> store.setWithdrawn(code, false)))
						.thenMany(Flux.fromIterable(withdrawn).concatMap(code -> store.setWithdrawn(code, true)))
						.then(Mono.just(new ImportResult(ImportResult.Outcome.IMPORTED, importId, addedCount,
								changedCount, withdrawn.size(), List.of()))));
	}

	private static int nextVersion(Map<String, CatalogStore.StoredItem> stored, SourcedGuide guide) {
		CatalogStore.StoredItem item = stored.get(guide.guide().code());
		return item == null ? 1 : item.version() + 1;
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java runtime has SHA-256", e);
		}
	}
}
