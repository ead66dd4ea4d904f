package cn.onething.platform.internal;

import java.util.ArrayList;
import java.util.List;

import cn.onething.platform.ItemProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One page of the platform's answer: {@code {"STATUS":{"CODE":"00"},"data":{"LASTTIMESTAMP":…,
 * "RETURNITEMSUNNUM":n,"list":[…]}}} (docs/platform.md §1). A body that is not that, truncated JSON included, is
 * one problem for the whole answer.
 */
final class PayloadReader {

	static final String ANSWER = "（平台应答）";

	record Page(String lastTimestamp, List<JsonNode> items, List<ItemProblem> problems) {
	}

	private final JsonMapper json;

	PayloadReader(JsonMapper json) {
		this.json = json;
	}

	Page read(String body) {
		JsonNode root;
		try {
			root = json.readTree(body);
		}
		catch (JacksonException e) {
			return rejected("body", abbreviated(body), "不是完整的 JSON（可能被截断）：" + e.getOriginalMessage());
		}
		String status = root.path("STATUS").path("CODE").asString("");
		if (!"00".equals(status)) {
			return rejected("STATUS.CODE", status, "平台未返回成功：" + root.path("STATUS").path("TEXT").asString(""));
		}
		JsonNode list = root.path("data").path("list");
		if (!list.isArray()) {
			return rejected("data.list", list.toString(), "缺少事项列表");
		}
		List<JsonNode> items = new ArrayList<>();
		list.forEach(items::add);
		return new Page(root.path("data").path("LASTTIMESTAMP").asString(""), items, List.of());
	}

	private static Page rejected(String field, String value, String reason) {
		return new Page("", List.of(), List.of(new ItemProblem(ANSWER, "", field, value, reason)));
	}

	private static String abbreviated(String body) {
		String text = body == null ? "" : body.strip();
		return text.length() <= 40 ? text : "…" + text.substring(text.length() - 40);
	}
}
