package cn.onething.wechat.callback;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One push from WeChat (docs/wechat.md §6.2): the elements directly under {@code <xml>}, and the {@code <List>}
 * entries that subscribe events nest (§3.4).
 */
record CallbackMessage(Map<String, String> fields, List<Map<String, String>> items) {

	String field(String name) {
		return fields.getOrDefault(name, "");
	}

	/** The user's openid. */
	String sender() {
		return field("FromUserName");
	}

	/** The official account's id (gh_...). */
	String account() {
		return field("ToUserName");
	}

	String event() {
		return field("Event");
	}

	boolean isEvent() {
		return "event".equals(field("MsgType"));
	}

	/**
	 * §6.4: messages are told apart by MsgId, events by sender and CreateTime; we add the event's details so that
	 * two send reports for one user in the same second (different MsgID) both count, as WxJava's router does.
	 */
	String dedupeKey() {
		if (!isEvent() && !field("MsgId").isEmpty()) {
			return "msg|" + field("MsgId");
		}
		String listed = items.stream().map(item -> item.getOrDefault("MsgID", "")).collect(Collectors.joining(","));
		return String.join("|", "event", sender(), field("CreateTime"), event(), field("EventKey"), field("MsgID"), listed);
	}
}
