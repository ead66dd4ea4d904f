package cn.onething.notification.internal;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

import cn.onething.notification.CaseBindingCode;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The notification_binding table, and the binding QR code kept per case in notification_binding_qr. */
@Component
public class BindingStore {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final DatabaseClient db;

	BindingStore(DatabaseClient db) {
		this.db = db;
	}

	/** Binds the openid to the case; emits the new binding, or nothing when it was bound already. */
	public Mono<Binding> bind(String receiptCode, String openid, Instant now) {
		return db.sql("""
				insert into notification_binding (receipt_code, openid, token, bound_at) values (:receipt, :openid, :token, :now)
				on conflict (receipt_code, openid) do nothing
				returning receipt_code, openid, token, bound_at
				""")
				.bind("receipt", receiptCode).bind("openid", openid).bind("token", newToken()).bind("now", now)
				.map(BindingStore::binding).one();
	}

	public Flux<Binding> of(String receiptCode) {
		return db.sql("select receipt_code, openid, token, bound_at from notification_binding where receipt_code = :receipt")
				.bind("receipt", receiptCode).map(BindingStore::binding).all();
	}

	public Mono<Boolean> exists(String receiptCode, String openid) {
		return db.sql("select exists (select 1 from notification_binding where receipt_code = :receipt and openid = :openid) as bound")
				.bind("receipt", receiptCode).bind("openid", openid).map(row -> row.get("bound", Boolean.class)).one();
	}

	public Mono<Binding> byToken(String receiptCode, String token) {
		return db.sql("select receipt_code, openid, token, bound_at from notification_binding where receipt_code = :receipt and token = :token")
				.bind("receipt", receiptCode).bind("token", token).map(BindingStore::binding).one();
	}

	/** Removes the binding the token names; emits whether there was one. */
	public Mono<Boolean> unbind(String receiptCode, String token) {
		return db.sql("delete from notification_binding where receipt_code = :receipt and token = :token")
				.bind("receipt", receiptCode).bind("token", token).fetch().rowsUpdated().map(rows -> rows > 0);
	}

	/**
	 * The case's binding QR code, if one was made that still lives past {@code livesUntil}. A code stored before its
	 * url was (V10) counts as none: it cannot be printed, and is made again once.
	 */
	public Mono<CaseBindingCode> qrCode(String receiptCode, Instant livesUntil) {
		return db.sql("""
				select url, image_url, expires_at from notification_binding_qr
				where receipt_code = :receipt and expires_at > :until and url is not null
				""")
				.bind("receipt", receiptCode).bind("until", livesUntil)
				.map(row -> new CaseBindingCode(row.get("url", String.class), row.get("image_url", String.class),
						row.get("expires_at", Instant.class)))
				.one();
	}

	public Mono<Void> saveQrCode(String receiptCode, CaseBindingCode code) {
		return db.sql("""
				insert into notification_binding_qr (receipt_code, url, image_url, expires_at) values (:receipt, :url, :image, :expires)
				on conflict (receipt_code) do update set url = excluded.url, image_url = excluded.image_url, expires_at = excluded.expires_at
				""")
				.bind("receipt", receiptCode).bind("url", code.url()).bind("image", code.imageUrl())
				.bind("expires", code.expiresAt()).then();
	}

	/** 128 random bits, URL-safe: unguessable, so only the holder of a push's link can unbind. */
	private static String newToken() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static Binding binding(Readable row) {
		return new Binding(row.get("receipt_code", String.class), row.get("openid", String.class), row.get("token", String.class),
				row.get("bound_at", Instant.class));
	}
}
