package cn.onething.wechat.fake;

import java.time.Instant;

/** The plaintext XML of the pushes WeChat sends (docs/wechat.md §2.4, §3.4, §4.3), addressed from our fake account. */
public final class FakeEvents {

	/** The official account's original id, the ToUserName of every push. */
	public static final String ACCOUNT = "gh_fake000000001";

	private FakeEvents() {
	}

	/** A follow through a QR code: EventKey is qrscene_ + scene (§4.3). */
	public static String subscribe(String openid, String scene, String ticket) {
		return event(openid, "subscribe", "<EventKey><![CDATA[qrscene_" + scene + "]]></EventKey><Ticket><![CDATA[" + ticket + "]]></Ticket>");
	}

	/** A follow without a code: no EventKey. */
	public static String plainSubscribe(String openid) {
		return event(openid, "subscribe", "");
	}

	/** A follower scans: EventKey is the scene itself (§4.3). */
	public static String scan(String openid, String scene, String ticket) {
		return event(openid, "SCAN", "<EventKey><![CDATA[" + scene + "]]></EventKey><Ticket><![CDATA[" + ticket + "]]></Ticket>");
	}

	/** §2.4: note MsgID with a capital D. */
	public static String templateFinished(String openid, long msgid, String status) {
		return event(openid, "TEMPLATESENDJOBFINISH", "<MsgID>" + msgid + "</MsgID><Status><![CDATA[" + status + "]]></Status>");
	}

	/** §3.4: one List entry per notice. */
	public static String subscribeSent(String openid, String templateId, long msgid) {
		return event(openid, "subscribe_msg_sent_event", "<SubscribeMsgSentEvent><List><TemplateId><![CDATA[" + templateId
				+ "]]></TemplateId><MsgID>" + msgid + "</MsgID><ErrorCode>0</ErrorCode><ErrorStatus><![CDATA[success]]></ErrorStatus>"
				+ "</List></SubscribeMsgSentEvent>");
	}

	/** A user's text message, de-duplicated by MsgId (§6.4). */
	public static String text(String openid, long msgId, String content) {
		return "<xml><ToUserName><![CDATA[" + ACCOUNT + "]]></ToUserName><FromUserName><![CDATA[" + openid + "]]></FromUserName>"
				+ "<CreateTime>" + Instant.now().getEpochSecond() + "</CreateTime><MsgType><![CDATA[text]]></MsgType>"
				+ "<Content><![CDATA[" + content + "]]></Content><MsgId>" + msgId + "</MsgId></xml>";
	}

	private static String event(String openid, String event, String details) {
		return "<xml><ToUserName><![CDATA[" + ACCOUNT + "]]></ToUserName><FromUserName><![CDATA[" + openid + "]]></FromUserName>"
				+ "<CreateTime>" + Instant.now().getEpochSecond() + "</CreateTime><MsgType><![CDATA[event]]></MsgType>"
				+ "<Event><![CDATA[" + event + "]]></Event>" + details + "</xml>";
	}
}
