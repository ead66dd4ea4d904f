package cn.onething.platform;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import cn.onething.catalog.CatalogSnapshot;
import cn.onething.catalog.guidefiles.GuideFolder;
import cn.onething.catalog.model.Guide;
import cn.onething.platform.internal.GuideFolderChanges;
import cn.onething.platform.internal.PlatformReading;
import cn.onething.shared.yaml.Problem;

/**
 * Writes a platform payload's change set back into a guides folder, so that git stays the record of the catalogue
 * (docs/platform.md §7): reads the payload as the sync's file source does, maps it against the folder's guides, and
 * writes new, changed and withdrawn items as item files; conflicts are not written (ours stays) but listed. A folder
 * with problems, a payload with problems, or a result the guide reader would refuse writes nothing. A command, run
 * without the server: its file IO blocks, and no request waits on it.
 */
public final class PlatformWriteBack {

	private static final int SHOWN_TEXT = 60;

	private PlatformWriteBack() {
	}

	/** The application jar's first argument that runs this command instead of the server. */
	public static final String COMMAND = "platform-writeback";

	public static void main(String[] args) {
		System.exit(run(args));
	}

	/** {@code <payload.json> [guides folder]}: 0 written, 1 refused (nothing written), 2 a mistyped command line. */
	public static int run(String[] args) {
		PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
		if (args.length < 1 || args.length > 2) {
			out.println("用法：" + COMMAND + " <平台数据文件.json> [指南目录，默认 guides]");
			return 2;
		}
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		return run(Path.of(args[0]), Path.of(args.length == 2 ? args[1] : "guides"), today, out);
	}

	/** 0 when the folder now holds the payload's change (or it held it already), 1 when nothing was written. */
	static int run(Path payload, Path folder, LocalDate today, PrintStream out) {
		GuideFolderChanges.Checked before = GuideFolderChanges.check(folder);
		if (!before.problems().isEmpty()) {
			return refused("指南目录有问题，请先改正（未写入任何内容）：", folder, before.problems(), out);
		}
		GuideFolder guides = before.guides();
		String body;
		try {
			body = Files.readString(payload, StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			out.println("无法读取平台数据文件 " + payload + "：" + e + "（未写入任何内容）");
			return 1;
		}
		CatalogSnapshot current = GuideFolderChanges.catalogueOf(guides);
		PlatformReading.Read read = PlatformReading.readPayload(body, current, today);
		if (!read.problems().isEmpty()) {
			out.println("平台数据有 " + read.problems().size() + " 个问题（未写入任何内容）：");
			read.problems().forEach(problem -> out.println("  " + problem));
			return 1;
		}
		PlatformReading.Proposal proposal = read.proposal(current);
		GuideFolderChanges changes = new GuideFolderChanges(folder, guides, proposal.guides(), proposal.changes());
		GuideFolderChanges.Checked after = changes.trial();
		if (!after.problems().isEmpty()) {
			return refused("写回后的指南目录会有问题（未写入任何内容）：", folder, after.problems(), out);
		}
		List<String> unfaithful = unfaithful(proposal.guides(), after.guides());
		if (!unfaithful.isEmpty()) {
			out.println("写出的文件读回后与平台变更不一致（未写入任何内容）：");
			unfaithful.forEach(line -> out.println("  " + line));
			return 1;
		}
		changes.apply();
		summary(payload, read.items(), proposal.changes(), changes, out);
		return 0;
	}

	/** Every proposed guide must read back from the written folder as it is: the format loses nothing. */
	private static List<String> unfaithful(List<Guide> proposed, GuideFolder after) {
		Map<String, Guide> read = after.guides().stream().map(GuideFolder.SourcedGuide::guide)
				.collect(Collectors.toMap(Guide::code, g -> g, (a, b) -> a, LinkedHashMap::new));
		return proposed.stream().filter(guide -> !guide.equals(read.get(guide.code())))
				.map(guide -> guide.code() + " " + guide.name() + "："
						+ (read.containsKey(guide.code()) ? differences(guide, read.get(guide.code())) : "读不回来"))
				.toList();
	}

	private static String differences(Guide proposed, Guide readBack) {
		String fields = GuideDiff.between(proposed, readBack).stream().map(GuideDiff.FieldChange::field)
				.collect(Collectors.joining("、"));
		return fields.isEmpty() ? "不逐项比较的细节不同" : fields;
	}

	private static void summary(Path payload, int items, ChangeSet changes, GuideFolderChanges files, PrintStream out) {
		out.println("平台数据 " + payload + "：" + items + " 个事项。");
		if (changes.isEmpty()) {
			out.println("指南目录已与平台一致，没有改动任何文件。");
		}
		out.println("新增 " + changes.added().size() + " 项：");
		changes.added().forEach(e -> out.println("  + " + e.code() + " " + e.name() + " → " + files.pathOf(e.code())));
		out.println("变更 " + changes.changed().size() + " 项：");
		changes.changed().forEach(c -> {
			out.println("  * " + c.code() + " " + c.name() + "（" + files.pathOf(c.code()) + "）");
			c.fields().forEach(f -> out.println("      " + f.field() + "：" + change(f.before(), f.after())));
			if (c.fields().isEmpty()) {
				out.println("      只有不逐项比较的细节有变（如材料备注、样表），见 git diff");
			}
		});
		out.println("撤销 " + changes.withdrawn().size() + " 项（目录格式没有“已撤销”标记，已删除其文件；旧版本仍在 git 历史和数据库中）：");
		changes.withdrawn().forEach(e -> out.println("  - " + e.code() + " " + e.name() + "（" + files.pathOf(e.code()) + "）"));
		Set<String> withdrawn = changes.withdrawn().stream().map(ChangeSet.Entry::code).collect(Collectors.toSet());
		Map<String, String> kept = changes.kept().stream()
				.filter(k -> files.pathOf(k.code()) != null && !withdrawn.contains(k.code()))
				.collect(Collectors.groupingBy(k -> k.code() + " " + k.name(), LinkedHashMap::new,
						Collectors.mapping(ChangeSet.Kept::field, Collectors.joining("、"))));
		if (!kept.isEmpty()) {
			out.println("写入的文件中保留的本地内容（平台没有）：");
			kept.forEach((item, fields) -> out.println("  " + item + "：" + fields));
		}
		out.println("冲突 " + changes.conflicts().size() + " 处（未写入平台的内容，文件中保留本地内容，请人工处理）：");
		changes.conflicts().forEach(c -> out.println("  ! " + c.code() + " " + c.name() + " " + c.field() + "：本地“"
				+ shown(c.ours()) + "”，平台“" + shown(c.platform()) + "”"));
		out.println("无法对应到指南的平台字段 " + changes.unmapped().size() + " 个"
				+ (changes.unmapped().isEmpty() ? "。" : "：" + String.join("、", changes.unmapped())));
		out.println("已写入 " + files.writes() + " 个文件，删除 " + files.removals() + " 个文件；请用 git diff 查看后提交。");
	}

	/** Before and after, each from a little before where they first differ, so a long text shows its change. */
	private static String change(String before, String after) {
		String was = Objects.toString(before, "");
		String is = Objects.toString(after, "");
		int same = 0;
		while (same < was.length() && same < is.length() && was.charAt(same) == is.charAt(same)) {
			same++;
		}
		int from = Math.max(0, same - 10);
		return shown(from == 0 ? was : "…" + was.substring(from)) + " → " + shown(from == 0 ? is : "…" + is.substring(from));
	}

	private static String shown(String text) {
		String oneLine = Objects.toString(text, "（无）").replace('\n', ' ');
		return oneLine.isBlank() ? "（无）" : oneLine.length() <= SHOWN_TEXT ? oneLine : oneLine.substring(0, SHOWN_TEXT) + "…";
	}

	private static int refused(String heading, Path folder, List<Problem> problems, PrintStream out) {
		out.println(heading);
		problems.forEach(problem -> out.println("  " + folder.resolve(problem.path()).normalize() + ":" + problem.line()
				+ ": " + problem.field() + ": " + problem.message()));
		out.println(problems.size() + " 个问题。");
		return 1;
	}
}
