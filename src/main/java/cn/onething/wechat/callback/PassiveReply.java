package cn.onething.wechat.callback;

/**
 * A passive reply (被动回复): the text WeChat shows the user right after their action. Addressed back to the sender,
 * from the account the push was addressed to.
 */
final class PassiveReply {

	private PassiveReply() {
	}

	static String text(CallbackMessage to, String content, long now) {
		return "<xml><ToUserName>" + cdata(to.sender()) + "</ToUserName>"
				+ "<FromUserName>" + cdata(to.account()) + "</FromUserName>"
				+ "<CreateTime>" + now + "</CreateTime>"
				+ "<MsgType><![CDATA[text]]></MsgType>"
				+ "<Content>" + cdata(content) + "</Content></xml>";
	}

	/** A "]]>" inside would end the section early: split it across two. */
	private static String cdata(String text) {
		return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>";
	}
}
