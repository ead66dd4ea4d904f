package cn.onething.wechat.callback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import cn.onething.outbox.OutboxHandler;
import cn.onething.outbox.OutboxMessage;
import cn.onething.outbox.Outcome;
import cn.onething.wechat.internal.WechatEvents;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hands an accepted push to the listeners, from the outbox: once across all replicas, and again later if a listener
 * failed (a database blip while binding), so listeners must bear hearing the same news twice.
 */
@Component
class CallbackNewsHandler implements OutboxHandler {

	static final String KIND = "wechat.callback";

	private final WechatEvents events;
	private final JsonMapper json;

	CallbackNewsHandler(WechatEvents events, JsonMapper json) {
		this.events = events;
		this.json = json;
	}

	/**
	 * The push's dedupe key, hashed: it holds the sender's openid, and outbox keys show in logs and on the staff's
	 * list of dead messages.
	 */
	static String dedupeKey(CallbackMessage message) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(message.dedupeKey().getBytes(StandardCharsets.UTF_8));
			return KIND + ":" + HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java runtime has SHA-256", e);
		}
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public Mono<Outcome> handle(OutboxMessage message) {
		return Mono.defer(() -> {
			CallbackNews news;
			try {
				news = json.treeToValue(message.payload(), CallbackNews.class);
			}
			catch (JacksonException e) {
				return Mono.just(Outcome.giveUp("unreadable callback news: " + e.getOriginalMessage()));
			}
			return Flux.concat(
					Mono.justOrEmpty(news.scanned()).flatMap(events::scanned),
					Flux.fromIterable(news.deliveries()).concatMap(events::deliveryReported))
					.then(Mono.just(Outcome.DONE));
		});
	}
}
