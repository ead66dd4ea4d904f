package cn.onething.outbox.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

import cn.onething.outbox.OutboxHandler;
import cn.onething.outbox.OutboxMessage;
import cn.onething.outbox.OutboxProperties;
import cn.onething.outbox.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * Delivers due outbox rows to their handlers; every replica may run one. It claims only as many rows as it has free
 * handler slots, so a lease is never held by a row waiting in a local queue and the other replicas can take what
 * this one cannot start. It claims when a NOTIFY says a row was appended, when a handler finishes, and at every poll,
 * which also makes rows whose lease ran out due again and counts rows for the metrics.
 * Stopping stops claiming, hands back what was claimed but not started, and waits a while for running handlers.
 */
public class OutboxDispatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

	private final OutboxStore store;
	private final Map<String, OutboxHandler> handlers;
	private final OutboxProperties properties;
	private final RetrySchedule retries;
	private final Flux<?> wakeups;
	private final OutboxMetrics metrics;
	private final Clock clock;
	private final String owner = ReplicaName.next();

	/** Rows this replica is handling, each with its running delivery. */
	private final Map<UUID, Disposable.Swap> handling = new ConcurrentHashMap<>();
	/** A signal to claim: a handler finished so a slot is free, or a poll. */
	private final Sinks.Many<Boolean> nudges = Sinks.many().multicast().directBestEffort();

	private Running running;
	private volatile boolean stopping;

	private record Running(Sinks.One<Boolean> stop, Mono<Void> claimingStopped, Disposable loops) {
	}

	public OutboxDispatcher(OutboxStore store, List<OutboxHandler> handlers, OutboxProperties properties,
			Flux<?> wakeups, OutboxMetrics metrics, Clock clock, RandomGenerator random) {
		this.store = store;
		this.handlers = handlers.stream().collect(Collectors.toMap(OutboxHandler::kind, Function.identity(), (a, b) -> {
			throw new IllegalStateException("two outbox handlers for kind " + a.kind() + ": "
					+ a.getClass().getName() + " and " + b.getClass().getName());
		}));
		this.properties = properties;
		this.retries = new RetrySchedule(properties.backoffBase(), properties.backoffCap(), properties.retryBudget(), random);
		this.wakeups = wakeups;
		this.metrics = metrics;
		this.clock = clock;
		metrics.expect(this.handlers.keySet());
	}

	@Override
	public synchronized void start() {
		if (running != null) {
			return;
		}
		if (handlers.isEmpty()) {
			// nothing to claim, so no LISTEN connection and no polling either
			log.info("no outbox handlers registered: this replica delivers nothing");
			return;
		}
		stopping = false;
		Sinks.One<Boolean> stop = Sinks.one();
		Mono<Void> claiming = Flux.merge(wakeups, nudges.asFlux())
				.takeUntilOther(stop.asMono())
				// signals arriving during a claim collapse into one more claim after it
				.onBackpressureLatest()
				.concatMap(signal -> claimDueRows(), 1)
				.then()
				.cache();
		Disposable claims = claiming.subscribe();
		// polling finds retries falling due, rows whose NOTIFY nobody heard, and leases that ran out
		Disposable polling = Flux.interval(Duration.ZERO, properties.pollInterval())
				// a round slower than the interval skips a tick rather than ending the interval with an overflow
				.onBackpressureDrop()
				.concatMap(tick -> expireLeases().then(countRows()).then(Mono.fromRunnable(this::nudge)), 1)
				.subscribe();
		running = new Running(stop, claiming, Disposables.composite(claims, polling));
		log.info("outbox dispatcher {} started for kinds {}", owner, handlers.keySet());
	}

	/**
	 * Stops claiming, hands back rows claimed but not started, waits up to the shutdown wait for running handlers and
	 * cancels those still running (their leases run out and another replica retries them).
	 */
	public Mono<Void> shutdown() {
		Running current;
		synchronized (this) {
			current = running;
			running = null;
		}
		if (current == null) {
			return Mono.empty();
		}
		stopping = true;
		current.stop().tryEmitValue(true);
		return current.claimingStopped()
				.timeout(properties.shutdownWait(), Mono.fromRunnable(() -> log.warn(
						"outbox dispatcher {}: a claim did not finish within {}; what it claims is retried when the leases run out",
						owner, properties.shutdownWait())))
				.then(Mono.defer(() -> store.release(owner, List.copyOf(handling.keySet()))))
				.doOnNext(released -> log.info("outbox dispatcher {} stopping: {} unstarted rows released, {} handlers running",
						owner, released, handling.size()))
				.then(allHandlersFinished().timeout(properties.shutdownWait(), Mono.fromRunnable(() -> {
					log.warn("outbox dispatcher {}: {} handlers still running after {}; cancelled, their rows are retried "
							+ "when the leases run out", owner, handling.size(), properties.shutdownWait());
					handling.values().forEach(Disposable::dispose);
				})))
				.onErrorResume(e -> {
					log.warn("outbox dispatcher {} did not stop cleanly; its leases run out by themselves", owner, e);
					return Mono.empty();
				})
				.doFinally(signal -> current.loops().dispose());
	}

	private Mono<Void> claimDueRows() {
		int free = properties.concurrency() - handling.size();
		if (free <= 0) {
			return Mono.empty();
		}
		Instant now = clock.instant();
		return store.claim(owner, handlers.keySet(), free, now, now.plus(properties.lease()))
				.doOnNext(this::startHandling)
				.then()
				.onErrorResume(e -> {
					log.warn("claiming outbox rows failed; the next poll tries again", e);
					return Mono.empty();
				});
	}

	private void startHandling(Claim claim) {
		if (stopping) {
			return; // claimed while stopping: released once claiming has stopped
		}
		UUID id = claim.message().id();
		Disposable.Swap delivery = Disposables.swap();
		handling.put(id, delivery);
		delivery.update(deliver(claim)
				.doFinally(signal -> {
					handling.remove(id);
					nudge();
				})
				.subscribe());
	}

	private Mono<Void> deliver(Claim claim) {
		OutboxMessage message = claim.message();
		Duration timeout = properties.handlerTimeout();
		return Mono.defer(() -> handlers.get(message.kind()).handle(message))
				// off the database driver's thread, which delivered the claimed row
				.subscribeOn(Schedulers.parallel())
				.timeout(timeout, Mono.fromSupplier(() -> Outcome.retryLater("no outcome within " + timeout)))
				.onErrorResume(e -> Mono.just(Outcome.retryLater(describe(e))))
				.defaultIfEmpty(Outcome.retryLater("the handler finished without an outcome"))
				.flatMap(outcome -> record(claim, outcome))
				.onErrorResume(e -> {
					log.warn("could not record the outcome of outbox row {}; it is retried when its lease runs out", message.id(), e);
					return Mono.empty();
				});
	}

	private Mono<Void> record(Claim claim, Outcome outcome) {
		OutboxMessage message = claim.message();
		Instant now = clock.instant();
		return switch (outcome.verdict()) {
			case DONE -> settled(claim, store.complete(claim, now), metrics::delivered);
			case RETRY_LATER -> retries.next(message.attempt(), claim.retryingSince(), now)
					.map(next -> settled(claim, store.fail(claim, next, outcome.reason()), metrics::retried))
					.orElseGet(() -> bury(claim, now, "not delivered within the retry budget of " + retries.budget()
							+ " (" + message.attempt() + " attempts), last: " + outcome.reason()));
			case GIVE_UP -> bury(claim, now, outcome.reason());
		};
	}

	private Mono<Void> bury(Claim claim, Instant now, String reason) {
		OutboxMessage message = claim.message();
		return settled(claim, store.bury(claim, now, reason), kind -> {
			metrics.died(kind);
			log.warn("outbox row {} ({} {}) is dead: {}", message.id(), message.kind(), message.dedupeKey(), reason);
		});
	}

	private Mono<Void> settled(Claim claim, Mono<Boolean> update, Consumer<String> count) {
		return update.doOnNext(held -> {
			if (held) {
				count.accept(claim.message().kind());
			}
			else {
				log.warn("outbox row {} was taken over by another replica after its lease ran out; the outcome is theirs",
						claim.message().id());
			}
		}).then();
	}

	/** A crashed replica's rows become due again here; the claim that follows the poll picks them up. */
	private Mono<Void> expireLeases() {
		return store.expireLeases(clock.instant())
				.doOnNext(expired -> {
					if (expired > 0) {
						log.warn("{} outbox rows were leased to a replica that did not finish them; due again", expired);
					}
				})
				.then()
				.onErrorResume(e -> {
					log.warn("could not expire outbox leases; the next poll tries again", e);
					return Mono.empty();
				});
	}

	private Mono<Void> countRows() {
		return Mono.zip(store.countDue(clock.instant()), store.countDead())
				.doOnNext(counts -> metrics.counted(counts.getT1(), counts.getT2()))
				.then()
				.onErrorResume(e -> {
					log.debug("could not count outbox rows for the metrics", e);
					return Mono.empty();
				});
	}

	private Mono<Void> allHandlersFinished() {
		// subscribed to the signal first, so a handler finishing right after the check is not missed
		return Flux.merge(nudges.asFlux(), Mono.just(true)).filter(signal -> handling.isEmpty()).next().then();
	}

	private void nudge() {
		nudges.emitNext(true, Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
	}

	private static String describe(Throwable e) {
		return e.getMessage() == null ? e.getClass().getName() : e.getClass().getSimpleName() + ": " + e.getMessage();
	}

	@Override
	public void stop(Runnable callback) {
		shutdown().doFinally(signal -> callback.run()).subscribe();
	}

	@Override
	public void stop() {
		shutdown().subscribe();
	}

	@Override
	public synchronized boolean isRunning() {
		return running != null;
	}

	@Override
	public boolean isAutoStartup() {
		return properties.dispatch();
	}
}
