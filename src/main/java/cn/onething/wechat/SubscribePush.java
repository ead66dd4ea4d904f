package cn.onething.wechat;

import java.util.Map;

/**
 * A subscribe message (订阅通知, bizsend, docs/wechat.md §3.2): reaches an applicant who accepted the template's
 * subscription, follower or not. Long-term subscriptions are open to government services (§3.1). WeChat has no
 * client_msg_id here, so a resend after an unknown outcome may arrive twice.
 *
 * @param openid     the recipient
 * @param templateId the subscribe template (priTmplId)
 * @param page       the web page opened from the notice; may be null
 * @param data       typed key → value ({@code thing1}, {@code time2}...); cut, masked and checked against §3.3
 *                   before sending
 */
public record SubscribePush(String openid, String templateId, String page, Map<String, String> data) {

	public SubscribePush {
		Pushes.requireText(openid, "openid");
		Pushes.requireText(templateId, "templateId");
		Pushes.optionalWebAddress(page, "page");
		data = Pushes.data(data);
	}

	SubscribePush withData(Map<String, String> prepared) {
		return new SubscribePush(openid, templateId, page, prepared);
	}
}
