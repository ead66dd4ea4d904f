package cn.onething.bundle.bundlefiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import cn.onething.bundle.Bundle;
import cn.onething.catalog.CatalogSnapshot;
import cn.onething.shared.yaml.Problem;
import cn.onething.shared.yaml.Problems;
import cn.onething.shared.yaml.YamlFields;
import cn.onething.shared.yaml.YamlFiles;
import org.springframework.modulith.NamedInterface;

/**
 * Reads every bundle file of {@code guides/bundles/} and checks it against a catalogue: the items, materials and
 * departments a bundle names must exist there. Reports every problem at once as {@code path:line: field: message}.
 * Blocking file IO: callers run it off the request threads.
 */
@NamedInterface("bundlefiles")
public final class BundleFolderReader {

	/** The folder of guides/ that holds bundles; the catalogue's reader skips it. */
	public static final String FOLDER = "bundles";

	private BundleFolderReader() {
	}

	public static BundleFolder read(Path guidesDir, CatalogSnapshot catalogue) {
		List<BundleFolder.SourcedBundle> bundles = new ArrayList<>();
		List<Problem> problems = new ArrayList<>();
		Map<String, String> pathById = new HashMap<>();
		BundleFileReader reader = new BundleFileReader(catalogue);
		for (String path : bundleFiles(guidesDir)) {
			Problems fileProblems = new Problems();
			Optional<YamlFields> file = YamlFiles.mapping(guidesDir, path, fileProblems);
			Bundle bundle = file.map(fields -> reader.read(fields, fileProblems)).orElse(null);
			if (bundle != null) {
				String earlier = pathById.putIfAbsent(bundle.id(), path);
				if (earlier != null) {
					file.get().problem("id", "一件事 id“" + bundle.id() + "”与 " + earlier + " 重复");
				}
			}
			if (fileProblems.isEmpty()) {
				bundles.add(new BundleFolder.SourcedBundle(bundle, path));
			}
			problems.addAll(fileProblems.sorted());
		}
		return new BundleFolder(bundles, problems);
	}

	/** The .yaml files directly in guides/bundles/, by name; a missing folder simply holds no bundle. */
	private static List<String> bundleFiles(Path guidesDir) {
		Path folder = guidesDir.resolve(FOLDER);
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(Files::isRegularFile)
					.map(f -> f.getFileName().toString())
					.filter(name -> name.endsWith(".yaml") || name.endsWith(".yml"))
					.filter(name -> !name.startsWith("."))
					.sorted()
					.map(name -> FOLDER + "/" + name)
					.toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
