package cn.onething.outbox;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Waits for a condition that another thread (a dispatcher) makes true, checking every 20 ms for up to 10 s. */
final class Eventually {

	private static final Duration PATIENCE = Duration.ofSeconds(10);

	private Eventually() {
	}

	static void until(String what, Supplier<Mono<Boolean>> check) {
		Flux.interval(Duration.ZERO, Duration.ofMillis(20))
				.onBackpressureDrop()
				.concatMap(tick -> check.get())
				.filter(Boolean::booleanValue)
				.next()
				.timeout(PATIENCE, Mono.error(() -> new AssertionError("gave up after " + PATIENCE + " waiting until " + what)))
				.block();
	}

	static void until(String what, BooleanSupplier condition) {
		// off the timer thread, where a condition that queries the database may not block
		until(what, () -> Mono.fromSupplier(condition::getAsBoolean).subscribeOn(Schedulers.boundedElastic()));
	}
}
