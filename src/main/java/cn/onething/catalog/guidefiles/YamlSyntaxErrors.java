package cn.onething.catalog.guidefiles;

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
		if (context.contains("quoted scalar")) {
			return "引号没有闭合";
		}
		if (context.contains("flow sequence")) {
			return "方括号“[”没有闭合";
		}
		if (context.contains("flow mapping")) {
			return "花括号“{”没有闭合";
		}
		if (problem.contains("could not find expected ':'")) {
			return "缺少冒号，或冒号后缺少空格";
		}
		if (problem.contains("\\t")) {
			return "不能用 Tab 缩进，请用空格";
		}
		if (problem.contains("mapping values are not allowed")) {
			return "这里不能出现“字段:”：缩进不对，或文字中的冒号需要整段加引号";
		}
		if (problem.contains("expected <block end>")) {
			return "缩进与同级的行不一致";
		}
		return "无法解析";
	}
}
