package cn.onething.wechat;

/**
 * A WeChat call other than a send failed (QR code creation). Sends never throw: they return a {@link SendResult}.
 *
 * @see SendResult#NO_ANSWER
 */
public class WechatException extends RuntimeException {

	private final int errcode;

	public WechatException(int errcode, String reason) {
		super("WeChat errcode " + errcode + ": " + reason);
		this.errcode = errcode;
	}

	/** WeChat's errcode, or {@link SendResult#NO_ANSWER} when WeChat did not answer. */
	public int errcode() {
		return errcode;
	}
}
