package cn.onething.outbox;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import reactor.core.publisher.Mono;

/** A handler that answers as a test tells it and counts what reached it, by dedupe key. */
final class RecordingHandler implements OutboxHandler {

	private final String kind;
	private final Function<OutboxMessage, Mono<Outcome>> answer;
	private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
	private final List<OutboxMessage> seen = new CopyOnWriteArrayList<>();

	private RecordingHandler(String kind, Function<OutboxMessage, Mono<Outcome>> answer) {
		this.kind = kind;
		this.answer = answer;
	}

	static RecordingHandler delivering(String kind) {
		return new RecordingHandler(kind, message -> Mono.just(Outcome.DONE));
	}

	static RecordingHandler answering(String kind, Function<OutboxMessage, Mono<Outcome>> answer) {
		return new RecordingHandler(kind, answer);
	}

	@Override
	public String kind() {
		return kind;
	}

	@Override
	public Mono<Outcome> handle(OutboxMessage message) {
		seen.add(message);
		deliveries.computeIfAbsent(message.dedupeKey(), key -> new AtomicInteger()).incrementAndGet();
		return answer.apply(message);
	}

	int times(String dedupeKey) {
		AtomicInteger count = deliveries.get(dedupeKey);
		return count == null ? 0 : count.get();
	}

	Map<String, AtomicInteger> deliveries() {
		return deliveries;
	}

	List<OutboxMessage> seen() {
		return seen;
	}
}
