package cn.onething.wechat;

import java.util.Map;

/**
 * A template message (模板消息, docs/wechat.md §2.1) to one applicant.
 *
 * @param openid      the recipient, who must follow the official account
 * @param templateId  a template added to the account
 * @param url         the applicant's progress page, opened from the message; may be null
 * @param data        template key → value, e.g. {@code thing1 → 出生登记}; the channel cuts values to WeChat's
 *                    limits and masks personal data before sending
 * @param clientMsgId the outbox id: WeChat sends one message per openid and client_msg_id within 10 minutes (§2.1),
 *                    so a resend after an unknown outcome cannot reach the applicant twice
 */
public record TemplatePush(String openid, String templateId, String url, Map<String, String> data, String clientMsgId) {

	public TemplatePush {
		Pushes.requireText(openid, "openid");
		Pushes.requireText(templateId, "templateId");
		Pushes.optionalWebAddress(url, "url");
		data = Pushes.data(data);
		Pushes.requireText(clientMsgId, "clientMsgId");
		if (clientMsgId.length() > 64) {
			throw new IllegalArgumentException("clientMsgId must be at most 64 characters, was " + clientMsgId.length());
		}
	}

	TemplatePush withData(Map<String, String> prepared) {
		return new TemplatePush(openid, templateId, url, prepared, clientMsgId);
	}
}
