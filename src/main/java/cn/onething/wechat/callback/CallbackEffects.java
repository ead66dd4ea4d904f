package cn.onething.wechat.callback;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import cn.onething.wechat.DeliveryReported;
import cn.onething.wechat.DeliveryStatus;
import cn.onething.wechat.WechatScanned;
import cn.onething.wechat.internal.Scenes;

/**
 * What a push means for us, decided from the push alone: a binding to publish, delivery reports to record, the text
 * to answer with. Everything else WeChat sends (plain follows, unfollows, menu clicks, messages) only gets "success".
 */
record CallbackEffects(Optional<WechatScanned> scanned, List<DeliveryReported> deliveries, Optional<String> replyText) {

	/** Honest about timing: the listener that binds the openid runs after this reply (§6.4: 5 seconds). */
	static final String SCANNED_REPLY = "已收到，正在为您关联办件。办理进度将通过本公众号通知您。";

	private static final CallbackEffects NONE = new CallbackEffects(Optional.empty(), List.of(), Optional.empty());

	/** docs/wechat.md §4.3: a non-follower's first scan arrives as subscribe with this before the scene. */
	private static final String SUBSCRIBE_SCENE_PREFIX = "qrscene_";

	static CallbackEffects of(CallbackMessage message) {
		if (!message.isEvent()) {
			return NONE;
		}
		String key = message.field("EventKey");
		switch (message.event()) {
			case "subscribe":
				// A follow without a code has no EventKey and binds nothing (§10.B.19).
				return key.startsWith(SUBSCRIBE_SCENE_PREFIX) ? scanned(message, key.substring(SUBSCRIBE_SCENE_PREFIX.length())) : NONE;
			case "SCAN":
				return scanned(message, key);
			case "TEMPLATESENDJOBFINISH":
				// §2.4: MsgID with a capital D, the msgid template/send returned.
				String status = message.field("Status");
				return deliveries(List.of(new DeliveryReported(message.field("MsgID"), message.sender(), templateStatus(status), status)));
			case "subscribe_msg_sent_event":
				// §3.4: one List entry per notice; ErrorCode 0 is success, other codes are not enumerated.
				return deliveries(message.items().stream()
						.map(item -> new DeliveryReported(item.getOrDefault("MsgID", ""), message.sender(),
								"0".equals(item.get("ErrorCode")) ? DeliveryStatus.DELIVERED : DeliveryStatus.FAILED,
								item.getOrDefault("ErrorStatus", "")))
						.toList());
			default:
				return NONE;
		}
	}

	/** §2.4: success, failed:user block, failed: system failed (with a space); others seen, e.g. failed:freq limit. */
	static DeliveryStatus templateStatus(String status) {
		return switch (status.replace(" ", "").toLowerCase(Locale.ROOT)) {
			case "success" -> DeliveryStatus.DELIVERED;
			case "failed:userblock" -> DeliveryStatus.BLOCKED_BY_USER;
			case "failed:systemfailed" -> DeliveryStatus.SYSTEM_FAILED;
			default -> DeliveryStatus.FAILED;
		};
	}

	private static CallbackEffects scanned(CallbackMessage message, String scene) {
		if (!Scenes.valid(scene) || message.sender().isEmpty()) {
			return NONE;
		}
		return new CallbackEffects(Optional.of(new WechatScanned(message.sender(), scene)), List.of(), Optional.of(SCANNED_REPLY));
	}

	/** A report without a msgid cannot be matched to a send; it is dropped. */
	private static CallbackEffects deliveries(List<DeliveryReported> reports) {
		List<DeliveryReported> matched = reports.stream().filter(report -> !report.msgid().isEmpty()).toList();
		return matched.isEmpty() ? NONE : new CallbackEffects(Optional.empty(), matched, Optional.empty());
	}
}
