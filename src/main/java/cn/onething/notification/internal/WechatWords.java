package cn.onething.notification.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import cn.onething.casework.model.CaseContext;
import cn.onething.wechat.DeliveryReported;
import cn.onething.wechat.SendResult;

/**
 * WeChat's errors and reports as a reason staff can act on: WeChat's own code and words, for the record, followed by
 * what they mean (docs/wechat.md §2.3, §2.4).
 */
final class WechatWords {

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(CaseContext.CHINA);

	private WechatWords() {
	}

	static String of(SendResult.Failure failure) {
		String meaning = switch (failure.errcode()) {
			case 43004 -> "申请人未关注公众号";
			case 43101 -> "申请人拒收消息";
			case 40003 -> "openid 无效";
			case 40037 -> "模板无效，请检查 onething.notification.template-id";
			case 47003 -> "模板内容不合规";
			case 45009 -> "今日推送已达上限";
			case 40001, 40014, 42001 -> "access_token 无效";
			case -1 -> "微信系统繁忙";
			case SendResult.NO_ANSWER -> failure instanceof SendResult.Unknown ? "微信未应答，可能已收到" : "未能连接微信";
			default -> null;
		};
		return failure.errcode() + " " + failure.reason() + (meaning == null ? "" : "（" + meaning + "）");
	}

	/** A time as staff read it, in China's time zone. */
	static String shown(Instant at) {
		return SHOWN.format(at);
	}

	static String of(DeliveryReported report) {
		String meaning = switch (report.status()) {
			case DELIVERED -> null;
			case BLOCKED_BY_USER -> "申请人拒收本公众号消息";
			case SYSTEM_FAILED -> "微信系统原因未送达";
			case FAILED -> "未送达";
		};
		return report.wechatStatus() + (meaning == null ? "" : "（" + meaning + "）");
	}
}
