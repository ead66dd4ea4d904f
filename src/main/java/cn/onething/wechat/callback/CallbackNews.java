package cn.onething.wechat.callback;

import java.util.List;

import cn.onething.wechat.DeliveryReported;
import cn.onething.wechat.WechatScanned;

/**
 * What listeners must hear of one accepted push, as the payload of its outbox message.
 *
 * @param scanned    a binding to publish, or null
 * @param deliveries delivery reports, possibly none
 */
record CallbackNews(WechatScanned scanned, List<DeliveryReported> deliveries) {

	CallbackNews {
		deliveries = deliveries == null ? List.of() : List.copyOf(deliveries);
	}
}
