package cn.onething.notification.internal;

import java.time.Instant;

/**
 * An openid bound to a case.
 *
 * @param token the capability in unbind links: random, unique, never the openid
 */
public record Binding(String receiptCode, String openid, String token, Instant boundAt) {
}
