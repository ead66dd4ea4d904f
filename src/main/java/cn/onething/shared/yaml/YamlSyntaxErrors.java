package cn.onething.shared.yaml;

import java.util.List;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Says where a YAML syntax error is and what it means, in words a content editor understands. SnakeYAML marks two
 * places: where it noticed the error, and the construct it was reading. For a quote, bracket or key left open the
 * parser notices only lines later (often at the end of the file), so the editor is sent to where the construct
 * opened; for an indentation error the construct is the whole enclosing block, so the line that broke it is the one.
 */
final class YamlSyntaxErrors {

	private YamlSyntaxErrors() {
	}

	static int line(MarkedYAMLException e) {
		Mark mark = opensUnclosedConstruct(e) && e.getContextMark() != null ? e.getContextMark() : e.getProblemMark();
		return mark == null ? 1 : mark.getLine() + 1;
	}

	static String message(MarkedYAMLException e) {
		return "YAML 格式错误：" + explanation(e) + "（" + e.getProblem() + "）";
	}

	private static boolean opensUnclosedConstruct(MarkedYAMLException e) {
		String context = e.getContext() == null ? "" : e.getContext();
		return context.startsWith("while scanning") || context.startsWith("while parsing a flow");
	}

	private static String explanation(MarkedYAMLException e) {
		String context = e.getContext() == null ? "" : e.getContext();
		String problem = e.getProblem() == null ? "" : e.getProblem();
		return HINTS.stream().filter(hint -> (hint.inContext() ? context : problem).contains(hint.clue()))
				.map(Hint::explanation).findFirst().orElse("无法解析");
	}

	/** SnakeYAML's words for a mistake, found in its context or its problem, and what they mean to an editor. */
	private record Hint(boolean inContext, String clue, String explanation) {
	}

	private static final List<Hint> HINTS = List.of(
			new Hint(true, "quoted scalar", "引号没有闭合"),
			new Hint(true, "flow sequence", "方括号“[”没有闭合"),
			new Hint(true, "flow mapping", "花括号“{”没有闭合"),
			new Hint(false, "could not find expected ':'", "缺少冒号，或冒号后缺少空格"),
			new Hint(false, "\\t", "不能用 Tab 缩进，请用空格"),
			new Hint(false, "mapping values are not allowed", "这里不能出现“字段:”：缩进不对，或文字中的冒号需要整段加引号"),
			new Hint(false, "expected <block end>", "缩进与同级的行不一致"));
}
