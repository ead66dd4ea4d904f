package cn.onething.wechat;

/**
 * WeChat reported the outcome of a message it accepted: TEMPLATESENDJOBFINISH for template messages,
 * subscribe_msg_sent_event for subscribe messages (docs/wechat.md §2.4, §3.4). Correlate by the msgid of
 * {@link SendResult.Sent}.
 *
 * @param msgid        the msgid returned when the message was sent
 * @param openid       the recipient
 * @param status       what it means
 * @param wechatStatus WeChat's own words, e.g. {@code failed:user block}, kept for the record
 */
public record DeliveryReported(String msgid, String openid, DeliveryStatus status, String wechatStatus) {
}
