package cn.onething.catalog.guidefiles;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import cn.onething.catalog.model.Disclosure;
import cn.onething.catalog.model.Guide;
import cn.onething.catalog.model.Material;
import org.springframework.modulith.NamedInterface;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Writes a {@link Guide} as an item file in the format {@link GuideFileReader} reads (guides/README.md), in the
 * shipped files' style, so that a written file reads as one a person wrote and git shows only what changed: the keys
 * in the order of guides/README.md, block style, short lists of words as {@code [a, b]} and short records (special
 * procedures, fee items) as one-line {@code {name: …, limit: …}}, phone numbers quoted, text of several lines as a
 * {@code |} block, and quotes only where YAML would otherwise read something else (the basic code always, as the
 * format asks). The same guide always gives the same bytes.
 */
@NamedInterface("guidefiles")
public final class GuideFileWriter {

	private final StringBuilder out = new StringBuilder();

	private GuideFileWriter() {
	}

	public static String write(Guide guide) {
		GuideFileWriter writer = new GuideFileWriter();
		writer.item(guide);
		return writer.out.toString();
	}

	private void item(Guide g) {
		out.append("code: ").append(quoted(g.code())).append('\n');
		text(0, "name", g.name());
		words(0, "aliases", g.aliases());
		text(0, "type", g.type().label());
		text(0, "department", g.department().id());
		words(0, "serviceObjects", g.serviceObjects());
		raw(0, "useLevel", String.valueOf(g.useLevel()));
		list(0, "legalBasis", g.legalBasis(), b -> {
			text(2, "law", b.law());
			text(2, "article", b.article());
			text(2, "text", b.text());
		});
		text(0, "conditions", g.conditions());
		list(0, "materials", g.materials(), this::material);
		list(0, "process", g.process(), step -> {
			text(2, "name", step.name());
			text(2, "description", step.description());
			words(2, "materials", step.materials());
		});
		key(0, "timeLimit");
		raw(1, "statutory", String.valueOf(g.timeLimit().statutory()));
		raw(1, "committed", String.valueOf(g.timeLimit().committed()));
		text(1, "kind", g.timeLimit().kind());
		text(1, "note", g.timeLimit().note());
		lines(0, "specialProcedures", g.specialProcedures(),
				p -> fields("name", p.name(), "limit", String.valueOf(p.limit()), "note", p.note()));
		raw(0, "visits", String.valueOf(g.visits()));
		text(0, "visitsNote", g.visitsNote());
		key(0, "fees");
		raw(1, "charged", String.valueOf(g.fees().charged()));
		lines(1, "items", g.fees().items(), fee -> fields("name", fee.name(), "amount", fee.amount()));
		text(1, "basis", g.fees().basis());
		list(0, "windows", g.windows(), w -> {
			text(2, "name", w.name());
			text(2, "address", w.address());
			text(2, "hours", w.hours());
			quotedText(2, "phone", w.phone());
		});
		text(0, "contact", g.contact());
		text(0, "complaint", g.complaint());
		list(0, "faq", g.faq(), f -> {
			text(2, "q", f.q());
			text(2, "a", f.a());
		});
		text(0, "onlineUrl", g.onlineUrl());
		raw(0, "effectiveDate", g.effectiveDate().toString());
		disclosure(g.disclosure());
	}

	private void material(Material m) {
		text(2, "id", m.id());
		text(2, "name", m.name());
		raw(2, "original", String.valueOf(m.original()));
		raw(2, "copies", String.valueOf(m.copies()));
		text(2, "form", m.form());
		text(2, "requirement", m.requirementLabel());
		text(2, "condition", m.condition());
		text(2, "source", m.source());
		text(2, "sample", m.sample());
		text(2, "blankForm", m.blankForm());
		text(2, "notes", m.notes());
	}

	private void disclosure(Disclosure d) {
		key(0, "disclosure");
		text(1, "firstLevel", d.firstLevel());
		text(1, "secondLevel", d.secondLevel());
		text(1, "content", d.content());
		text(1, "basis", d.basis());
		text(1, "timeLimit", d.timeLimit());
		text(1, "subject", d.subject());
		words(1, "channels", d.channels());
		text(1, "audience", d.audience());
		text(1, "mode", d.mode());
		text(1, "level", d.level());
	}

	/** {@code depth} counts two spaces; the first key of a list entry sits after its "- ". */
	private void indent(int depth) {
		boolean atLineStart = out.length() == 0 || out.charAt(out.length() - 1) == '\n';
		if (atLineStart) {
			out.append("  ".repeat(depth));
		}
	}

	private void key(int depth, String key) {
		indent(depth);
		out.append(key).append(":\n");
	}

	private void raw(int depth, String key, String value) {
		indent(depth);
		out.append(key).append(": ").append(value).append('\n');
	}

	/** Absent or blank text is left out: the reader reads a missing optional key as absent. */
	private void text(int depth, String key, String value) {
		if (value == null || value.isBlank()) {
			return;
		}
		indent(depth);
		out.append(key).append(':');
		if (value.contains("\n") && isBlockable(value)) {
			out.append(" |\n");
			String inner = "  ".repeat(depth + 1);
			value.lines().forEach(line -> out.append(line.isEmpty() ? "" : inner + line).append('\n'));
		}
		else {
			out.append(' ').append(scalar(value)).append('\n');
		}
	}

	/** A list of short words, written {@code [a, b]} as the shipped files do; an empty list is left out. */
	private void words(int depth, String key, List<String> words) {
		if (words.isEmpty()) {
			return;
		}
		indent(depth);
		out.append(key).append(": [")
				.append(String.join(", ", words.stream().map(GuideFileWriter::flowItem).toList())).append("]\n");
	}

	/** Short records, one line each as the shipped files write them: {@code - {name: 公示, limit: 7, note: …}}. */
	private <T> void lines(int depth, String key, List<T> entries, Function<T, String> fields) {
		if (entries.isEmpty()) {
			return;
		}
		key(depth, key);
		entries.forEach(entry -> out.append("  ".repeat(depth + 1)).append("- {").append(fields.apply(entry)).append("}\n"));
	}

	/** Key and value pairs of a one-line record; absent values are left out. */
	private static String fields(String... keysAndValues) {
		List<String> fields = new ArrayList<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			String value = keysAndValues[i + 1];
			if (value != null && !value.isBlank()) {
				boolean plain = readsBackAs("k: {x: " + value + "}", value) || isNumber(value);
				fields.add(keysAndValues[i] + ": " + (plain ? value : quoted(value)));
			}
		}
		return String.join(", ", fields);
	}

	private static boolean isNumber(String value) {
		return value.matches("\\d+");
	}

	/** Phone numbers are quoted like the basic code: digits that no YAML tool should read as a number. */
	private void quotedText(int depth, String key, String value) {
		if (value != null && !value.isBlank()) {
			indent(depth);
			out.append(key).append(": ").append(quoted(value)).append('\n');
		}
	}

	private <T> void list(int depth, String key, List<T> entries, Consumer<T> entry) {
		if (entries.isEmpty()) {
			return;
		}
		key(depth, key);
		for (T value : entries) {
			out.append("  ".repeat(depth + 1)).append("- ");
			entry.accept(value);
		}
	}

	/** A {@code |} block keeps the text as it is only if no line starts or ends with a space. */
	private static boolean isBlockable(String value) {
		return value.lines().noneMatch(line -> line.startsWith(" ") || line.startsWith("\t") || line.endsWith(" ")
				|| line.endsWith("\t")) && !value.startsWith("\n");
	}

	private static String scalar(String value) {
		return readsBackAs("k: " + value, value) ? value : quoted(value);
	}

	private static String flowItem(String value) {
		return readsBackAs("k: [" + value + "]", value) ? value : quoted(value);
	}

	/**
	 * Whether {@code document} holds {@code value} as plain text: the reader takes every scalar's text, but a value
	 * that YAML would type as a number, a date, true or null is quoted too, so no other YAML tool reads it otherwise.
	 */
	private static boolean readsBackAs(String document, String value) {
		try {
			Node root = new Yaml(new LoaderOptions()).compose(new StringReader(document));
			if (!(root instanceof MappingNode mapping) || mapping.getValue().size() != 1) {
				return false;
			}
			Node node = mapping.getValue().get(0).getValueNode();
			if (node instanceof SequenceNode sequence) {
				node = sequence.getValue().size() == 1 ? sequence.getValue().get(0) : null;
			}
			else if (node instanceof MappingNode inner) {
				node = inner.getValue().size() == 1 ? inner.getValue().get(0).getValueNode() : null;
			}
			return node instanceof ScalarNode scalar && scalar.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN
					&& scalar.getTag().equals(Tag.STR) && scalar.getValue().equals(value);
		}
		catch (RuntimeException e) {
			return false;
		}
	}

	private static String quoted(String value) {
		StringBuilder quoted = new StringBuilder("\"");
		value.codePoints().forEach(c -> {
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				case '\n' -> quoted.append("\\n");
				case '\t' -> quoted.append("\\t");
				case '\r' -> quoted.append("\\r");
				default -> quoted.appendCodePoint(c);
			}
		});
		return quoted.append('"').toString();
	}
}
