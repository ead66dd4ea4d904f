package cn.onething.wechat.callback;

import java.time.Duration;

import cn.onething.wechat.DeliveryReported;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The callback tables: nonces seen, pushes handled, delivery reports. */
@Component
class CallbackStore {

	private final DatabaseClient db;

	CallbackStore(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * Records a signed request's nonce and timestamp; false if they were used before. Nonces older than the replay
	 * window go first: a request that old is refused by its timestamp anyway.
	 */
	Mono<Boolean> firstUseOfNonce(String nonce, long signedAt, Duration replayWindow) {
		Mono<Long> forgetOld = db.sql("delete from wechat_callback_nonce where seen_at < now() - :seconds * interval '1 second'")
				.bind("seconds", 2 * replayWindow.toSeconds()).fetch().rowsUpdated();
		Mono<Long> remember = db.sql("""
				insert into wechat_callback_nonce (nonce, signed_at) values (:nonce, :signedAt)
				on conflict do nothing
				""").bind("nonce", nonce).bind("signedAt", signedAt).fetch().rowsUpdated();
		return forgetOld.then(remember).map(inserted -> inserted == 1);
	}

	/** Records a push by its dedupe key; false if it was handled before (WeChat repeats pushes, §6.4). */
	Mono<Boolean> firstHandling(CallbackMessage message) {
		return db.sql("""
				insert into wechat_callback_event (dedupe_key, openid, event) values (:key, :openid, :event)
				on conflict do nothing
				""")
				.bind("key", message.dedupeKey()).bind("openid", message.sender())
				.bind("event", message.isEvent() ? message.event() : message.field("MsgType"))
				.fetch().rowsUpdated().map(inserted -> inserted == 1);
	}

	/** The latest word on a msgid wins; there is normally only one. */
	Mono<Void> saveDeliveries(Iterable<DeliveryReported> reports) {
		return Flux.fromIterable(reports)
				.concatMap(report -> db.sql("""
						insert into wechat_delivery (msgid, openid, status, wechat_status) values (:msgid, :openid, :status, :wechatStatus)
						on conflict (msgid) do update set status = excluded.status, wechat_status = excluded.wechat_status,
						    reported_at = now()
						""")
						.bind("msgid", report.msgid()).bind("openid", report.openid())
						.bind("status", report.status().name()).bind("wechatStatus", report.wechatStatus())
						.fetch().rowsUpdated())
				.then();
	}
}
