package cn.onething.catalog.mistakes;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

import cn.onething.catalog.mistakes.ItemFileOutline.Field;

import static cn.onething.catalog.mistakes.LineEdits.pick;

/**
 * Files that are no longer YAML, the way hand editing breaks them: a tab, a quote or bracket left open, a lost
 * colon, a line indented one space off, a file saved as GBK. Each is expected on the line the editor touched.
 */
final class YamlSyntaxMistakes {

	private static final String SYNTAX = "(yaml)";

	private YamlSyntaxMistakes() {
	}

	static Mistake tabIndentation(Random random, String file, String text) {
		Field field = pick(random, ItemFileOutline.of(text).fields());
		String line = LineEdits.line(text, field.line());
		return syntax("tab indentation", file, text, field.line(), "\t" + line.stripLeading());
	}

	/** A quote opened at the start of a value and never closed (no later line holds that quote character). */
	static Mistake unclosedQuote(Random random, String file, String text) {
		String quote = pick(random, List.of("\"", "'"));
		List<String> lines = text.lines().toList();
		Field field = pick(random, ItemFileOutline.of(text).fields().stream()
				.filter(Field::isPlainOneLineScalar)
				.filter(f -> lines.subList(f.line() - 1, lines.size()).stream().noneMatch(l -> l.contains(quote))).toList());
		String line = LineEdits.line(text, field.line());
		int valueStart = line.indexOf(':', field.column()) + 2;
		return syntax("unclosed quote", file, text, field.line(), line.substring(0, valueStart) + quote + line.substring(valueStart));
	}

	static Mistake unclosedBracket(Random random, String file, String text) {
		Field field = pick(random, ItemFileOutline.of(text).fields().stream().filter(Field::isOneLineFlowList).toList());
		String line = LineEdits.line(text, field.line());
		return syntax("unclosed bracket", file, text, field.line(), line.substring(0, line.lastIndexOf(']')));
	}

	/** "key value" or "key:value": the colon and its space are what make a line a field. */
	static Mistake missingColon(Random random, String file, String text) {
		Field field = pick(random, ItemFileOutline.of(text).fields().stream()
				.filter(f -> f.isPlainOneLineScalar() && !f.firstInMapping() && !f.onDashLine()).toList());
		String line = LineEdits.line(text, field.line());
		String keyAndColon = field.key() + ": ";
		String edited = line.replaceFirst(Pattern.quote(keyAndColon),
				random.nextBoolean() ? field.key() + " " : field.key() + ":");
		return syntax("missing colon", file, text, field.line(), edited);
	}

	/** A field one space off its siblings' indentation (the first field of a mapping sets it, so not that one). */
	static Mistake indentationOffByOne(Random random, String file, String text) {
		Field field = pick(random, ItemFileOutline.of(text).fields().stream()
				.filter(f -> !f.firstInMapping() && !f.onDashLine()).toList());
		String line = LineEdits.line(text, field.line());
		String edited = field.column() > 0 && random.nextBoolean() ? line.substring(1) : " " + line;
		return syntax("indentation off by one", file, text, field.line(), edited);
	}

	/** Saved as GBK, as editors on Windows often do: the first line with Chinese is the first unreadable one. */
	static Mistake savedAsGbk(Random random, String file, String text) {
		List<String> lines = text.lines().toList();
		int firstChinese = 1;
		while (lines.get(firstChinese - 1).chars().allMatch(c -> c < 128)) {
			firstChinese++;
		}
		return new Mistake("saved as GBK", "whole file in GBK", Map.of(file, text.getBytes(Charset.forName("GBK"))),
				List.of(), file, firstChinese, "(file)");
	}

	private static Mistake syntax(String kind, String file, String text, int line, String edited) {
		return Mistake.ofText(kind, "line " + line + " became: " + edited, file, LineEdits.replace(text, line, edited),
				line, SYNTAX);
	}
}
