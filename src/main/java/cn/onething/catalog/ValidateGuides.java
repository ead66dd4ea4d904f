package cn.onething.catalog;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import cn.onething.catalog.guidefiles.GuideFolder;
import cn.onething.catalog.guidefiles.GuideFolderReader;

/**
 * Checks a guides folder without starting the server: prints each problem as {@code path:line: field: message}
 * and exits with 1 when there is any, so an editor (or a CI job of the content team) sees every mistake at once.
 */
public final class ValidateGuides {

	private ValidateGuides() {
	}

	public static void main(String[] args) {
		System.exit(run(args.length == 0 ? "guides" : args[0], new PrintStream(System.out, true, StandardCharsets.UTF_8)));
	}

	static int run(String folder, PrintStream out) {
		GuideFolder guides = GuideFolderReader.read(Path.of(folder));
		guides.problems().forEach(problem -> out.println(Path.of(folder).resolve(problem.path()).normalize() + ":"
				+ problem.line() + ": " + problem.field() + ": " + problem.message()));
		if (!guides.isValid()) {
			out.println(guides.problems().size() + " 个问题，未导入任何内容。");
			return 1;
		}
		out.println("指南目录有效：" + guides.domains().size() + " 个领域，" + guides.guides().size() + " 个事项。");
		return 0;
	}
}
