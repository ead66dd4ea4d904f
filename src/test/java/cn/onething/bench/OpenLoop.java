package cn.onething.bench;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * An open-loop load: event i falls due at start + i / rate and is started then, however many earlier ones are still
 * running, and its latency counts from when it fell due. A closed loop, or a generator that waits for a free slot,
 * sends less while the service is slow and so never measures the slow moments (coordinated omission); this one does.
 * One thread only starts events; the events must not block it (each returns a future).
 */
final class OpenLoop {

	/**
	 * When each event fell due and when it completed (System.nanoTime), how many failed and why the first did, and
	 * how late the generator itself was at worst in starting one: if that is large, the machine, not the service,
	 * set the pace.
	 */
	record Run(long[] dueAt, long[] doneAt, int failures, String firstFailure, Duration latestStart) {

		Latencies latencies() {
			long[] nanos = new long[dueAt.length];
			for (int i = 0; i < nanos.length; i++) {
				nanos[i] = doneAt[i] - dueAt[i];
			}
			return new Latencies(nanos);
		}
	}

	private OpenLoop() {
	}

	static Run run(int perSecond, int count, Duration patience, IntFunction<CompletableFuture<?>> event) {
		long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
		long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10);
		long[] dueAt = new long[count];
		long[] doneAt = new long[count];
		AtomicInteger failures = new AtomicInteger();
		AtomicReference<String> firstFailure = new AtomicReference<>();
		CompletableFuture<?>[] events = new CompletableFuture<?>[count];
		long latestStart = 0;
		for (int i = 0; i < count; i++) {
			int index = i;
			dueAt[i] = start + i * interval;
			for (long wait = dueAt[i] - System.nanoTime(); wait > 0; wait = dueAt[i] - System.nanoTime()) {
				LockSupport.parkNanos(wait);
			}
			latestStart = Math.max(latestStart, System.nanoTime() - dueAt[i]);
			events[i] = started(event, i).whenComplete((result, error) -> {
				doneAt[index] = System.nanoTime();
				if (error != null) {
					failures.incrementAndGet();
					firstFailure.compareAndSet(null, String.valueOf(error));
				}
			});
		}
		try {
			CompletableFuture.allOf(events).handle((ignored, error) -> null).get(patience.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (Exception e) {
			throw new IllegalStateException("the open loop's events did not all finish within " + patience, e);
		}
		return new Run(dueAt, doneAt, failures.get(), firstFailure.get(), Duration.ofNanos(latestStart));
	}

	private static CompletableFuture<?> started(IntFunction<CompletableFuture<?>> event, int index) {
		try {
			return event.apply(index);
		}
		catch (RuntimeException e) {
			return CompletableFuture.failedFuture(e);
		}
	}
}
