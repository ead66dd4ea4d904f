package cn.onething.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A small valid guides folder (two domains, two items) copied into a temporary folder, with helpers to break it
 * in one place the way an editor might.
 */
public final class GuideFolderFixture {

	public static final String BIRTH = "household-registration/birth-registration.yaml";
	public static final String MINIMUM_LIVING = "social-assistance/minimum-living.yaml";

	private final Path root;

	private GuideFolderFixture(Path root) {
		this.root = root;
	}

	public static GuideFolderFixture copyInto(Path target) {
		try {
			copyFolder(Path.of(GuideFolderFixture.class.getResource("/guides-minimal").toURI()), target);
			return new GuideFolderFixture(target);
		}
		catch (URISyntaxException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Copies a folder with everything in it, e.g. the shipped guides/ for a test to change. */
	public static void copyFolder(Path source, Path target) {
		try (Stream<Path> files = Files.walk(source)) {
			for (Path file : files.toList()) {
				Path copy = target.resolve(source.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(copy);
				}
				else {
					Files.copy(file, copy);
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Empties {@code target} and copies the fixture into it: a folder a running service imports from. */
	public static GuideFolderFixture replaceContentsOf(Path target) {
		try (Stream<Path> files = Files.walk(target)) {
			files.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(target)).forEach(p -> p.toFile().delete());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return copyInto(target);
	}

	/** A new empty folder under the system's temporary folder, for a guides folder a Spring context points at. */
	public static Path temporaryFolder(String prefix) {
		try {
			return Files.createTempDirectory(prefix);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public Path root() {
		return root;
	}

	public String read(String file) {
		try {
			return Files.readString(root.resolve(file));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public GuideFolderFixture write(String file, String content) {
		return write(file, content.getBytes(StandardCharsets.UTF_8));
	}

	/** Writes raw bytes, for a file saved in another encoding than UTF-8. */
	public GuideFolderFixture write(String file, byte[] content) {
		try {
			Files.createDirectories(root.resolve(file).getParent());
			Files.write(root.resolve(file), content);
			return this;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The item files (one per service item, in the folder of its domain), relative to the root, in order. */
	public List<String> itemFiles() {
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter(Files::isRegularFile).map(f -> root.relativize(f).toString().replace('\\', '/'))
					.filter(f -> f.contains("/") && f.endsWith(".yaml")).sorted().toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Replaces the first occurrence of {@code text}, failing loudly if the fixture no longer contains it. */
	public GuideFolderFixture replace(String file, String text, String replacement) {
		String content = read(file);
		if (!content.contains(text)) {
			throw new IllegalArgumentException(file + " does not contain " + text);
		}
		return write(file, content.replaceFirst(java.util.regex.Pattern.quote(text), java.util.regex.Matcher.quoteReplacement(replacement)));
	}

	public GuideFolderFixture delete(String file) {
		try {
			Files.delete(root.resolve(file));
			return this;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
