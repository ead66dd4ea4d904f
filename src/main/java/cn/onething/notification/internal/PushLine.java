package cn.onething.notification.internal;

import java.time.Instant;

/**
 * One thing a push tells, from one case event.
 *
 * @param seq  the event's place in the case's trail (0 for what no event caused, a binding's confirmation)
 * @param text the words, short: template values show at most 20 characters (docs/wechat.md §2.2)
 * @param at   when it happened
 */
public record PushLine(int seq, String text, Instant at) {
}
