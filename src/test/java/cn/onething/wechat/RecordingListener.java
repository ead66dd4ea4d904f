package cn.onething.wechat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestComponent;
import reactor.core.publisher.Mono;

/**
 * A listener for tests: remembers every event. A binding for an openid starting with {@code oSLOW} never finishes,
 * like a listener stuck on a slow database.
 */
@TestComponent
public class RecordingListener implements WechatListener {

	public static final String SLOW = "oSLOW";

	private final List<WechatScanned> scanned = new CopyOnWriteArrayList<>();
	private final List<DeliveryReported> deliveries = new CopyOnWriteArrayList<>();

	@Override
	public Mono<Void> scanned(WechatScanned event) {
		scanned.add(event);
		return event.openid().startsWith(SLOW) ? Mono.never() : Mono.empty();
	}

	@Override
	public Mono<Void> deliveryReported(DeliveryReported event) {
		deliveries.add(event);
		return Mono.empty();
	}

	public List<WechatScanned> scannedBy(String openid) {
		return scanned.stream().filter(event -> event.openid().equals(openid)).toList();
	}

	public List<DeliveryReported> deliveriesOf(String msgid) {
		return deliveries.stream().filter(event -> event.msgid().equals(msgid)).toList();
	}
}
