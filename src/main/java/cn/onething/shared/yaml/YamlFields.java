package cn.onething.shared.yaml;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the fields of one YAML mapping while remembering where each one stands, so that every problem names the
 * file, the line and the field path (materials[2].condition). Reading never throws: a wrong field is reported and
 * read as absent. Shared with the bundle module, which reads guides/bundles/ the same way.
 */
public final class YamlFields {

	private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d+");

	private final String path;
	private final String prefix;
	private final Node node;
	private final Map<String, NodeTuple> byKey = new LinkedHashMap<>();
	private final Problems problems;

	private YamlFields(String path, String prefix, Node node, Problems problems) {
		this.path = path;
		this.prefix = prefix;
		this.node = node;
		this.problems = problems;
		if (node instanceof MappingNode mapping) {
			for (NodeTuple tuple : mapping.getValue()) {
				String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : "?";
				if (byKey.putIfAbsent(key, tuple) != null) {
					problems.add(path, line(tuple.getKeyNode()), field(key), "字段重复出现");
				}
			}
		}
	}

	/** The top of a document; reports a document that is not a mapping. */
	public static Optional<YamlFields> root(String path, Node node, Problems problems) {
		if (!(node instanceof MappingNode)) {
			problems.add(path, node == null ? 1 : line(node), "(file)", "文件内容应为“字段: 值”的映射");
			return Optional.empty();
		}
		return Optional.of(new YamlFields(path, "", node, problems));
	}

	public static int line(Node node) {
		return node.getStartMark().getLine() + 1;
	}

	public String path() {
		return path;
	}

	public int line() {
		return line(node);
	}

	public int line(String key) {
		NodeTuple tuple = byKey.get(key);
		return tuple == null ? line() : line(tuple.getValueNode());
	}

	public String field(String key) {
		return prefix.isEmpty() ? key : prefix + "." + key;
	}

	public boolean has(String key) {
		return byKey.containsKey(key) && !isNull(byKey.get(key).getValueNode());
	}

	public void problem(String key, String message) {
		problems.add(path, line(key), field(key), message);
	}

	/** Misspelt keys would silently drop content; report every key the format does not know. */
	public void onlyKeys(Set<String> known) {
		byKey.forEach((key, tuple) -> {
			if (!known.contains(key)) {
				problems.add(path, line(tuple.getKeyNode()), field(key), "未知字段（请检查拼写）");
			}
		});
	}

	public String text(String key) {
		return scalar(key, true);
	}

	public String optionalText(String key) {
		return scalar(key, false);
	}

	private String scalar(String key, boolean required) {
		Node value = value(key, required);
		if (value == null) {
			return null;
		}
		if (!(value instanceof ScalarNode scalar)) {
			problem(key, "应为文字，不能是列表或映射");
			return null;
		}
		String text = scalar.getValue().strip();
		Optional<String> invisible = invisibleCharacter(text);
		if (invisible.isPresent()) {
			problem(key, invisible.get());
			return null;
		}
		if (text.isEmpty() && required) {
			problem(key, "必填，不能为空");
			return null;
		}
		return text.isEmpty() ? null : text;
	}

	/**
	 * Why {@code text} cannot be shown, printed or stored, if it cannot: a quoted YAML escape ("\0", "\x07",
	 * "\ud800") yields control characters or half a character that no reader sees, that PDFs drop and that
	 * PostgreSQL's jsonb refuses, which would fail the import after the folder was declared valid.
	 */
	private static Optional<String> invisibleCharacter(String text) {
		return text.codePoints()
				.filter(c -> c != '\t' && c != '\n' && c != '\r')
				.filter(c -> Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.SURROGATE)
				.mapToObj(c -> String.format("含有看不见的控制字符 U+%04X，请删除", c)).findFirst();
	}

	public Integer integer(String key, boolean required) {
		String text = scalar(key, required);
		if (text == null) {
			return null;
		}
		if (!WHOLE_NUMBER.matcher(text).matches()) {
			problem(key, "应为整数，实际为“" + text + "”");
			return null;
		}
		return Integer.valueOf(text);
	}

	public Boolean bool(String key) {
		String text = scalar(key, true);
		if (text == null) {
			return null;
		}
		return switch (text) {
			case "true" -> true;
			case "false" -> false;
			default -> {
				problem(key, "应为 true 或 false，实际为“" + text + "”");
				yield null;
			}
		};
	}

	public LocalDate date(String key) {
		String text = scalar(key, true);
		if (text == null) {
			return null;
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException e) {
			problem(key, "日期应写作 YYYY-MM-DD，实际为“" + text + "”");
			return null;
		}
	}

	/** A text that must be one of {@code allowed}. */
	public String oneOf(String key, List<String> allowed, boolean required) {
		String text = scalar(key, required);
		if (text != null && !allowed.contains(text)) {
			problem(key, "“" + text + "”不是允许的取值，应为：" + String.join("、", allowed));
			return null;
		}
		return text;
	}

	public List<String> texts(String key, boolean required) {
		List<String> texts = new ArrayList<>();
		for (Node item : sequence(key, required)) {
			Optional<String> invisible = item instanceof ScalarNode scalar ? invisibleCharacter(scalar.getValue()) : Optional.empty();
			if (invisible.isPresent()) {
				problems.add(path, line(item), field(key), invisible.get());
			}
			else if (item instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
				texts.add(scalar.getValue().strip());
			}
			else {
				problems.add(path, line(item), field(key), "列表中的每一项应为非空文字");
			}
		}
		return texts;
	}

	/** A list of mappings, each read with its index in the field path: materials[0], materials[1]... */
	public List<YamlFields> objects(String key, boolean required) {
		List<YamlFields> objects = new ArrayList<>();
		List<Node> items = sequence(key, required);
		for (int i = 0; i < items.size(); i++) {
			Node item = items.get(i);
			if (item instanceof MappingNode) {
				objects.add(new YamlFields(path, field(key) + "[" + i + "]", item, problems));
			}
			else {
				problems.add(path, line(item), field(key) + "[" + i + "]", "应为“字段: 值”的映射");
			}
		}
		if (required && objects.isEmpty() && has(key)) {
			problem(key, "至少需要一项");
		}
		return objects;
	}

	public Optional<YamlFields> object(String key, boolean required) {
		Node value = value(key, required);
		if (value == null) {
			return Optional.empty();
		}
		if (!(value instanceof MappingNode)) {
			problem(key, "应为“字段: 值”的映射");
			return Optional.empty();
		}
		return Optional.of(new YamlFields(path, field(key), value, problems));
	}

	private List<Node> sequence(String key, boolean required) {
		Node value = value(key, required);
		if (value == null) {
			return List.of();
		}
		if (!(value instanceof SequenceNode sequence)) {
			problem(key, "应为列表（每项以“- ”开头，或写作 [a, b]）");
			return List.of();
		}
		return sequence.getValue();
	}

	private Node value(String key, boolean required) {
		NodeTuple tuple = byKey.get(key);
		if (tuple == null || isNull(tuple.getValueNode())) {
			if (required) {
				problems.add(path, line(), field(key), "缺少必填字段");
			}
			return null;
		}
		return tuple.getValueNode();
	}

	private static boolean isNull(Node node) {
		return node instanceof ScalarNode scalar && "tag:yaml.org,2002:null".equals(scalar.getTag().getValue());
	}
}
