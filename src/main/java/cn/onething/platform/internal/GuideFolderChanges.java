package cn.onething.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.onething.bundle.bundlefiles.BundleFolderReader;
import cn.onething.catalog.CatalogSnapshot;
import cn.onething.catalog.guidefiles.GuideFileWriter;
import cn.onething.catalog.guidefiles.GuideFolder;
import cn.onething.catalog.guidefiles.GuideFolderReader;
import cn.onething.catalog.model.Guide;
import cn.onething.platform.ChangeSet;
import cn.onething.shared.yaml.Problem;

/**
 * A change set as file operations on a guides folder (docs/platform.md §7): a new item becomes
 * {@code <domain>/<code>.yaml}, a changed item's file is rewritten, a withdrawn item's file is removed, and every
 * other file is left byte for byte. Blocking file IO, for the write-back command only, never a request path.
 */
public final class GuideFolderChanges {

	private final Path root;
	/** Relative path to the file's new text, in the order new, changed. */
	private final Map<String, String> writes = new LinkedHashMap<>();
	private final List<String> removals = new ArrayList<>();
	private final Map<String, String> pathByCode = new LinkedHashMap<>();

	public GuideFolderChanges(Path root, GuideFolder folder, List<Guide> proposed, ChangeSet changes) {
		this.root = root;
		Map<String, String> existing = folder.guides().stream()
				.collect(Collectors.toMap(s -> s.guide().code(), GuideFolder.SourcedGuide::path));
		Map<String, Guide> byCode = proposed.stream().collect(Collectors.toMap(Guide::code, Function.identity()));
		for (ChangeSet.Entry added : changes.added()) {
			Guide guide = byCode.get(added.code());
			put(guide.code(), guide.domainId() + "/" + guide.code() + ".yaml", GuideFileWriter.write(guide));
		}
		for (ChangeSet.Changed changed : changes.changed()) {
			put(changed.code(), existing.get(changed.code()), GuideFileWriter.write(byCode.get(changed.code())));
		}
		for (ChangeSet.Entry withdrawn : changes.withdrawn()) {
			pathByCode.put(withdrawn.code(), existing.get(withdrawn.code()));
			removals.add(existing.get(withdrawn.code()));
		}
	}

	/** A folder read with the checks of {@code ValidateGuides}: its guides, then its bundles against them. */
	public static Checked check(Path folder) {
		GuideFolder guides = GuideFolderReader.read(folder);
		return new Checked(guides,
				guides.isValid() ? BundleFolderReader.read(folder, catalogueOf(guides)).problems() : guides.problems());
	}

	/** A folder's guides as a catalogue that was never imported, for the mapper and the bundle reader. */
	public static CatalogSnapshot catalogueOf(GuideFolder folder) {
		return new CatalogSnapshot(0, Instant.EPOCH, folder.hall(), folder.domains(), folder.departments(),
				folder.guides().stream().map(GuideFolder.SourcedGuide::guide).toList(), Map.of());
	}

	private void put(String code, String path, String text) {
		pathByCode.put(code, path);
		writes.put(path, text);
	}

	/** The file an item of the change set is written to or removed from, relative to the folder. */
	public String pathOf(String code) {
		return pathByCode.get(code);
	}

	public int writes() {
		return writes.size();
	}

	public int removals() {
		return removals.size();
	}

	/** A folder read back, and the problems of its guides or, once they have none, of its bundles. */
	public record Checked(GuideFolder guides, List<Problem> problems) {
	}

	/**
	 * The folder as it would be after the change, read back from a copy in a temporary folder with the checks of
	 * {@code ValidateGuides} (guides, then the one-thing bundles against them, which name materials by id): nothing of
	 * the real folder is touched, so a result the import would refuse is never written.
	 */
	public Checked trial() {
		Path copy = null;
		try {
			copy = Files.createTempDirectory("guides-writeback");
			copyFolder(root, copy);
			applyTo(copy);
			return check(copy);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			Optional.ofNullable(copy).ifPresent(GuideFolderChanges::deleteFolder);
		}
	}

	/**
	 * Writes the change into the folder. Each file is written beside its target under a hidden name that the guide
	 * reader ignores and then moved over it in one step, so a reader never sees half a file.
	 */
	public void apply() {
		try {
			applyTo(root);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void applyTo(Path folder) throws IOException {
		for (Map.Entry<String, String> write : writes.entrySet()) {
			Path target = folder.resolve(write.getKey());
			Files.createDirectories(target.getParent());
			Path part = Files.createTempFile(target.getParent(), ".writeback-", ".part");
			Files.writeString(part, write.getValue(), StandardCharsets.UTF_8);
			Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		for (String removal : removals) {
			Files.deleteIfExists(folder.resolve(removal));
		}
	}

	private static void copyFolder(Path source, Path target) throws IOException {
		try (Stream<Path> files = Files.walk(source)) {
			for (Path file : files.filter(f -> !isHidden(source.relativize(f))).toList()) {
				Path copy = target.resolve(source.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(copy);
				}
				else {
					Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
	}

	private static boolean isHidden(Path relative) {
		return relative.getNameCount() > 0 && relative.getName(0).toString().startsWith(".");
	}

	private static void deleteFolder(Path folder) {
		try (Stream<Path> files = Files.walk(folder)) {
			files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
