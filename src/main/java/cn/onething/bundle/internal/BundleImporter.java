package cn.onething.bundle.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.onething.bundle.bundlefiles.BundleFolder;
import cn.onething.bundle.bundlefiles.BundleFolder.SourcedBundle;
import cn.onething.catalog.ImportResult;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Writes valid bundles into the database in one transaction: all or nothing, a new version only for a bundle whose
 * content changed (its items' guide versions included), and a withdrawal for a bundle whose file is gone.
 */
@Component
public class BundleImporter {

	private final BundleStore store;
	private final TransactionalOperator transaction;

	BundleImporter(BundleStore store, TransactionalOperator transaction) {
		this.store = store;
		this.transaction = transaction;
	}

	public Mono<ImportResult> importFolder(BundleFolder folder, long catalogImportId, String source) {
		// The version number is not content: hash every bundle as version 0.
		Map<String, String> hashes = folder.bundles().stream()
				.collect(Collectors.toMap(b -> b.bundle().id(), b -> sha256(store.toJsonText(b.bundle().withVersion(0))), (a, b) -> a, TreeMap::new));
		String bundlesHash = sha256(store.toJsonText(hashes));
		Mono<ImportResult> write = store.lockImports()
				.then(store.latestHash().defaultIfEmpty(""))
				.flatMap(latest -> latest.equals(bundlesHash) ? Mono.just(ImportResult.unchanged())
						: store.storedBundles().collectMap(BundleStore.StoredBundle::id, Function.identity())
								.flatMap(stored -> write(folder, catalogImportId, source, bundlesHash, hashes, stored)));
		return transaction.transactional(write);
	}

	private Mono<ImportResult> write(BundleFolder folder, long catalogImportId, String source, String bundlesHash,
			Map<String, String> hashes, Map<String, BundleStore.StoredBundle> stored) {
		List<SourcedBundle> newVersions = new ArrayList<>();
		List<String> restored = new ArrayList<>();
		int added = 0;
		for (SourcedBundle sourced : folder.bundles()) {
			BundleStore.StoredBundle existing = stored.get(sourced.bundle().id());
			if (existing == null || !existing.contentHash().equals(hashes.get(sourced.bundle().id()))) {
				newVersions.add(sourced);
				added += existing == null ? 1 : 0;
			}
			else if (existing.withdrawn()) {
				restored.add(existing.id());
			}
		}
		List<String> withdrawn = stored.values().stream()
				.filter(b -> !b.withdrawn() && !hashes.containsKey(b.id()))
				.map(BundleStore.StoredBundle::id).toList();
		int addedCount = added + restored.size();
		int changedCount = newVersions.size() - added;
		return store.insertImport(bundlesHash, catalogImportId, source, addedCount, changedCount, withdrawn.size())
				.flatMap(importId -> Flux.fromIterable(newVersions)
						.concatMap(b -> store.saveVersion(importId, b.bundle().withVersion(nextVersion(stored, b)), hashes.get(b.bundle().id()), b.path()))
						.thenMany(Flux.fromIterable(restored).concatMap(id -> store.setWithdrawn(id, false)))
						.thenMany(Flux.fromIterable(withdrawn).concatMap(id -> store.setWithdrawn(id, true)))
						.then(Mono.just(new ImportResult(ImportResult.Outcome.IMPORTED, importId, addedCount,
								changedCount, withdrawn.size(), List.of()))));
	}

	private static int nextVersion(Map<String, BundleStore.StoredBundle> stored, SourcedBundle bundle) {
		BundleStore.StoredBundle existing = stored.get(bundle.bundle().id());
		return existing == null ? 1 : existing.version() + 1;
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
