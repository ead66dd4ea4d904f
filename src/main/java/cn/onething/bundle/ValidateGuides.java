package cn.onething.bundle;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import cn.onething.bundle.bundlefiles.BundleFolder;
import cn.onething.bundle.bundlefiles.BundleFolderReader;
import cn.onething.catalog.CatalogSnapshot;
import cn.onething.catalog.guidefiles.GuideFolder;
import cn.onething.catalog.guidefiles.GuideFolderReader;
import cn.onething.shared.yaml.Problem;

/**
 * Checks a guides folder without starting the server, the guides and then the one-thing bundles against them, with
 * the rules the import applies (a bundle's committed limit within the 45 working days of 行政许可法 §42 among
 * them): prints each problem as {@code path:line: field: message} and exits with 1 when there is any, so an editor
 * (or a CI job of the content team) sees every mistake at once. It lives with the bundles because checking them
 * needs the catalogue, and the catalogue module may not know bundles.
 */
public final class ValidateGuides {

	private ValidateGuides() {
	}

	public static void main(String[] args) {
		System.exit(run(args.length == 0 ? "guides" : args[0], new PrintStream(System.out, true, StandardCharsets.UTF_8)));
	}

	static int run(String folder, PrintStream out) {
		GuideFolder guides = GuideFolderReader.read(Path.of(folder));
		if (!guides.isValid()) {
			return refused(folder, guides.problems(), out);
		}
		CatalogSnapshot catalogue = new CatalogSnapshot(0, Instant.EPOCH, guides.hall(), guides.domains(),
				guides.departments(), guides.guides().stream().map(GuideFolder.SourcedGuide::guide).toList(), Map.of());
		BundleFolder bundles = BundleFolderReader.read(Path.of(folder), catalogue);
		if (!bundles.isValid()) {
			return refused(folder, bundles.problems(), out);
		}
		out.println("指南目录有效：" + guides.domains().size() + " 个领域，" + guides.guides().size() + " 个事项，"
				+ bundles.bundles().size() + " 个一件事。");
		return 0;
	}

	private static int refused(String folder, List<Problem> problems, PrintStream out) {
		problems.forEach(problem -> out.println(Path.of(folder).resolve(problem.path()).normalize() + ":"
				+ problem.line() + ": " + problem.field() + ": " + problem.message()));
		out.println(problems.size() + " 个问题，未导入任何内容。");
		return 1;
	}
}
