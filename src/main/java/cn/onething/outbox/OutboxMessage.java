package cn.onething.outbox;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * One message as a handler receives it.
 *
 * @param id        stable across attempts: use it to make delivery idempotent (WeChat's client_msg_id)
 * @param kind      what {@link Outbox#append} was given, which chose the handler
 * @param dedupeKey what {@link Outbox#append} was given
 * @param payload   the appended object as JSON; read it back with the JsonMapper, e.g.
 *                  {@code json.treeToValue(message.payload(), ApplicationSubmitted.class)}
 * @param attempt   1 for the first attempt, counting attempts of a replica that crashed
 * @param createdAt when it was appended
 */
public record OutboxMessage(UUID id, String kind, String dedupeKey, JsonNode payload, int attempt, Instant createdAt) {
}
