package cn.onething.casework;

/**
 * An idempotency key that already filed a case with a different request. Nothing is filed, and the case the key
 * filed is not named: whoever reuses a key by mistake learns nothing about someone else's application.
 */
public class IdempotencyKeyReused extends RuntimeException {

	public IdempotencyKeyReused(IdempotencyKey key) {
		super("idempotency key of channel " + key.channel() + " was already used with a different request", null, false, false);
	}
}
