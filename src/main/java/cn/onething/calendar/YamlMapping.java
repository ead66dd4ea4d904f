package cn.onething.calendar;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The fields of one YAML mapping with the line each stands on, so a problem can name {@code path:line: field}.
 * The same approach as the catalogue's guide reader, cut down to what a holiday file needs: texts and lists of
 * mappings. Reading never throws; a wrong field is reported and read as absent (null).
 */
final class YamlMapping {

	private final String path;
	private final String prefix;
	private final Node node;
	private final Map<String, NodeTuple> byKey = new LinkedHashMap<>();
	private final List<CalendarProblem> problems;

	YamlMapping(String path, String prefix, MappingNode node, List<CalendarProblem> problems) {
		this.path = path;
		this.prefix = prefix;
		this.node = node;
		this.problems = problems;
		for (NodeTuple tuple : node.getValue()) {
			String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : "?";
			if (byKey.putIfAbsent(key, tuple) != null) {
				problems.add(new CalendarProblem(path, line(tuple.getKeyNode()), field(key), "字段重复出现"));
			}
		}
	}

	static int line(Node node) {
		return node.getStartMark().getLine() + 1;
	}

	int line() {
		return line(node);
	}

	int line(String key) {
		NodeTuple tuple = byKey.get(key);
		return tuple == null ? line() : line(tuple.getValueNode());
	}

	String field(String key) {
		return prefix.isEmpty() ? key : prefix + "." + key;
	}

	void problem(String key, String message) {
		problems.add(new CalendarProblem(path, line(key), field(key), message));
	}

	/** A misspelt key would silently drop a day's name or the source; report every key the format does not know. */
	void onlyKeys(Set<String> known) {
		byKey.forEach((key, tuple) -> {
			if (!known.contains(key)) {
				problems.add(new CalendarProblem(path, line(tuple.getKeyNode()), field(key), "未知字段（请检查拼写）"));
			}
		});
	}

	/** The stripped text of a scalar field; null (with a problem if required) when absent, empty or not a scalar. */
	String text(String key, boolean required) {
		NodeTuple tuple = byKey.get(key);
		Node value = tuple == null ? null : tuple.getValueNode();
		if (value == null || isNull(value) || value instanceof ScalarNode scalar && scalar.getValue().isBlank()) {
			if (required) {
				problems.add(new CalendarProblem(path, line(key), field(key), "缺少必填字段"));
			}
			return null;
		}
		if (!(value instanceof ScalarNode scalar)) {
			problem(key, "应为文字，不能是列表或映射");
			return null;
		}
		return scalar.getValue().strip();
	}

	/** A list of mappings, each with its index in the field path: days[0], days[1]... */
	List<YamlMapping> mappings(String key) {
		NodeTuple tuple = byKey.get(key);
		if (tuple == null || isNull(tuple.getValueNode())) {
			problems.add(new CalendarProblem(path, line(key), field(key), "缺少必填字段"));
			return List.of();
		}
		if (!(tuple.getValueNode() instanceof SequenceNode sequence)) {
			problem(key, "应为列表（每项以“- ”开头）");
			return List.of();
		}
		List<YamlMapping> mappings = new ArrayList<>();
		List<Node> items = sequence.getValue();
		for (int i = 0; i < items.size(); i++) {
			String itemField = field(key) + "[" + i + "]";
			if (items.get(i) instanceof MappingNode mapping) {
				mappings.add(new YamlMapping(path, itemField, mapping, problems));
			}
			else {
				problems.add(new CalendarProblem(path, line(items.get(i)), itemField, "应为“字段: 值”的映射，如 {date: 2026-10-01, kind: 放假, name: 国庆节}"));
			}
		}
		return mappings;
	}

	private static boolean isNull(Node node) {
		return node instanceof ScalarNode scalar && "tag:yaml.org,2002:null".equals(scalar.getTag().getValue());
	}
}
