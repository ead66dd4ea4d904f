package cn.onething.notification;

import java.time.Duration;
import java.util.stream.Stream;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code onething.notification.*}: the template every push uses and its keys, how long step news waits for more to
 * join it, and where links in pushes point. Checked at start-up, with a message that names the property.
 *
 * @param templateId     the template message added to the official account (模板消息); any text in dev mode
 * @param keys           which of the template's keys carries what
 * @param debounceWindow step decisions of one case within this window reach an applicant as one push; acceptance,
 *                       notices and results are never delayed
 * @param publicBaseUrl  where applicants reach this service: pushes link to the progress page there
 * @param collectAt      where results are collected when the deciding department wrote nothing about it
 * @param resendWindow   how long after the first send whose answer was lost a push may still be sent again: WeChat
 *                       de-duplicates a client_msg_id for about 10 minutes only (docs/wechat.md §2.1), so this stays
 *                       below that with room for clocks and queues; after it the push is uncertain, not resent
 */
@ConfigurationProperties("onething.notification")
public record NotificationProperties(
		@DefaultValue("onething-case-progress") String templateId,
		@DefaultValue Keys keys,
		@DefaultValue("2m") Duration debounceWindow,
		@DefaultValue("http://localhost:8080") String publicBaseUrl,
		@DefaultValue("政务服务中心办结窗口") String collectAt,
		@DefaultValue("8m") Duration resendWindow) {

	/** §2.1: "effective 10 minutes, no guarantee after that". */
	static final Duration WECHAT_DEDUPLICATES_FOR = Duration.ofMinutes(10);

	/**
	 * The template's keys (docs/wechat.md §2.2: category templates have typed keys, and the type is in the name, so a
	 * receipt code goes in a {@code character_string} key and a status in a {@code phrase} of at most 5 characters).
	 */
	public record Keys(
			@DefaultValue("character_string1") String receipt,
			@DefaultValue("thing2") String matter,
			@DefaultValue("phrase3") String status,
			@DefaultValue("time4") String time,
			@DefaultValue("thing5") String remark) {

		public Keys {
			check("receipt", receipt);
			check("matter", matter);
			check("status", status);
			check("time", time);
			check("remark", remark);
			if (Stream.of(receipt, matter, status, time, remark).distinct().count() < 5) {
				throw new IllegalArgumentException("onething.notification.keys must name five different template keys");
			}
		}

		private static void check(String name, String key) {
			if (key == null || !key.matches("[a-z_]+[0-9]*")) {
				throw new IllegalArgumentException("onething.notification.keys." + name
						+ " must be a template key such as thing2 (lower-case letters, _ and digits), was " + key);
			}
		}
	}

	public NotificationProperties {
		if (templateId == null || templateId.isBlank()) {
			throw new IllegalArgumentException("onething.notification.template-id must name the account's template message");
		}
		templateId = templateId.strip();
		if (debounceWindow == null || debounceWindow.isNegative()) {
			throw new IllegalArgumentException("onething.notification.debounce-window must be zero or positive, was " + debounceWindow);
		}
		publicBaseUrl = publicBaseUrl == null ? "" : publicBaseUrl.strip().replaceAll("/+$", "");
		if (!publicBaseUrl.matches("https?://[^/\\s]+(/\\S*)?")) {
			throw new IllegalArgumentException("onething.notification.public-base-url must be an http:// or https:// address, was "
					+ publicBaseUrl);
		}
		if (collectAt == null || collectAt.isBlank()) {
			throw new IllegalArgumentException("onething.notification.collect-at must say where results are collected");
		}
		if (resendWindow == null || resendWindow.isNegative() || resendWindow.isZero()
				|| resendWindow.compareTo(WECHAT_DEDUPLICATES_FOR) >= 0) {
			throw new IllegalArgumentException("onething.notification.resend-window must be positive and below the 10 minutes "
					+ "WeChat de-duplicates a client_msg_id, was " + resendWindow);
		}
	}
}
