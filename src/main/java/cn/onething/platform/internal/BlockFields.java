package cn.onething.platform.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.onething.platform.ItemProblem;
import tools.jackson.databind.JsonNode;

/**
 * The fields of one block of one item, read with the payload's habits (numbers sent as strings, empty strings for
 * "none") and every mistake recorded as an {@link ItemProblem}; remembers which fields were read, so the rest can be
 * reported as not mapped.
 */
final class BlockFields {

	private final String item;
	private final String block;
	private final JsonNode node;
	private final List<ItemProblem> problems;
	private final Set<String> read = new HashSet<>();

	BlockFields(String item, String block, JsonNode node, List<ItemProblem> problems) {
		this.item = item;
		this.block = block;
		this.node = node;
		this.problems = problems;
	}

	String text(String field, boolean required) {
		read.add(field);
		JsonNode value = node.get(field);
		if (value == null || value.isNull() || (value.isString() && value.asString().isBlank())) {
			if (required) {
				problem(field, "", "缺少必填字段");
			}
			return null;
		}
		if (!value.isString() && !value.isNumber()) {
			problem(field, value.toString(), "应为文字或数字");
			return null;
		}
		return value.asString().strip();
	}

	Integer integer(String field, boolean required) {
		String text = text(field, required);
		if (text == null) {
			return null;
		}
		if (!text.matches("\\d{1,6}")) {
			problem(field, text, "应为非负整数");
			return null;
		}
		return Integer.valueOf(text);
	}

	LocalDate date(String field, boolean required) {
		String text = text(field, required);
		if (text == null) {
			return null;
		}
		try {
			// the platform sends dates alone or with a time of day
			return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
		}
		catch (DateTimeParseException e) {
			problem(field, text, "应为日期，如 2025-01-01");
			return null;
		}
	}

	<T> T code(String field, Map<String, T> dictionary, boolean required) {
		String text = text(field, required);
		if (text == null) {
			return null;
		}
		T value = dictionary.get(text);
		if (value == null) {
			problem(field, text, "未知代码，应为 " + String.join("、", dictionary.keySet().stream().sorted().toList()));
		}
		return value;
	}

	/** A multi-valued code such as server_type "1,2". */
	List<String> codes(String field, Map<String, String> dictionary, boolean required) {
		String text = text(field, required);
		List<String> values = new ArrayList<>();
		if (text != null) {
			for (String code : text.split("[,，;；]")) {
				String value = dictionary.get(code.strip());
				if (value == null) {
					problem(field, text, "未知代码“" + code.strip() + "”，应为 " + String.join("、", dictionary.keySet().stream().sorted().toList()));
				}
				else if (!values.contains(value)) {
					values.add(value);
				}
			}
		}
		return values;
	}

	void problem(String field, String value, String reason) {
		problems.add(new ItemProblem(item, block, field, value, reason));
	}

	/** The block's fields with a value that nothing read: "AUDIT_ITEM_EXTEND.handle_area". */
	Set<String> unread() {
		Set<String> unread = new HashSet<>();
		for (Map.Entry<String, JsonNode> field : node.properties()) {
			JsonNode value = field.getValue();
			boolean empty = value.isNull() || (value.isString() && value.asString().isBlank());
			if (!read.contains(field.getKey()) && !empty) {
				unread.add(block.replaceAll("\\[\\d+]", "[]") + "." + field.getKey());
			}
		}
		return unread;
	}
}
