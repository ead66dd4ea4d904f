package cn.onething.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import cn.onething.notification.internal.PushWriter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Pushes to the followers of a topic other than a case (a village committee's entries), through the same path as a
 * case's pushes (docs/wechat-delivery.md): a notification_push row per follower and item with its own outbox message,
 * written in the caller's transaction; the message's id is the client_msg_id; a send WeChat may have taken is resent
 * only within the resend window and is 送达情况不明 after it; delivery reports update the row. Before each send the
 * {@link Followings} that keeps the topic is asked whether the openid still follows it.
 */
@Component
public class FollowerPushes {

	/**
	 * One template message to one follower.
	 *
	 * @param topic   what is followed, e.g. {@code v:<township>:<committee>}; a {@link Followings} must keep it
	 * @param item    what is new there (an entry's id): one push per topic, item and openid, however often told
	 * @param summary what the push tells, for the staff's lists of failed and uncertain pushes
	 */
	public record Push(String topic, String item, String openid, String templateId, String url, Map<String, String> data,
			String summary) {

		public Push {
			// in the template's order: the push row keeps it
			data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
		}
	}

	private final PushWriter writer;
	private final Clock clock;

	FollowerPushes(PushWriter writer, Optional<Clock> clock) {
		this.writer = writer;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** Writes the push in the caller's transaction; emits whether it was new. */
	public Mono<Boolean> tell(Push push) {
		return Mono.defer(() -> {
			Instant now = clock.instant();
			return writer.tellFollower(push.topic(), push.item(), push.openid(), push.templateId(), push.url(), push.data(),
					push.summary(), now);
		});
	}
}
