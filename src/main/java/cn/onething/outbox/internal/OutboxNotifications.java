package cn.onething.outbox.internal;

import java.time.Duration;

import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Wakes the dispatcher when a row is appended, through LISTEN on a connection of its own: a pooled connection would
 * be handed to someone else between queries, and would hold a pool slot for good. When the connection drops it is
 * opened again with backoff; meanwhile the dispatcher's polling delivers.
 */
@Component
public class OutboxNotifications {

	private static final Logger log = LoggerFactory.getLogger(OutboxNotifications.class);

	private final PostgresqlConnectionFactory connections;

	public OutboxNotifications(ConnectionFactory pool) {
		this.connections = postgresql(pool);
	}

	/**
	 * A signal for every NOTIFY on the outbox channel, and one each time listening (re)starts, since rows appended
	 * while nobody listened sent their notification to no one.
	 */
	public Flux<Object> wakeups() {
		return Flux.usingWhen(connections.create(), this::listen, PostgresqlConnection::close)
				.concatWith(Flux.error(() -> new IllegalStateException("the LISTEN connection closed")))
				.doOnError(e -> log.warn("outbox LISTEN connection lost ({}); reconnecting, polling meanwhile", e.toString()))
				// transient: a connection that worked for a while starts again from the shortest delay
				.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30))
						.transientErrors(true));
	}

	private Flux<Object> listen(PostgresqlConnection connection) {
		// subscribed before LISTEN runs, so no notification falls between the two
		Flux<Object> notifications = connection.getNotifications().cast(Object.class);
		Mono<Object> listening = connection.createStatement("LISTEN " + OutboxStore.CHANNEL).execute()
				.flatMap(PostgresqlResult::getRowsUpdated).then(Mono.just("listening"));
		return Flux.merge(notifications, listening);
	}

	/** The pool Spring Boot configures wraps the driver's factory; LISTEN needs the driver's own connection. */
	private static PostgresqlConnectionFactory postgresql(ConnectionFactory factory) {
		Object current = factory;
		while (!(current instanceof PostgresqlConnectionFactory) && current instanceof Wrapped<?> wrapped) {
			current = wrapped.unwrap();
		}
		if (current instanceof PostgresqlConnectionFactory postgresql) {
			return postgresql;
		}
		throw new IllegalStateException("the outbox needs r2dbc-postgresql for LISTEN/NOTIFY, found " + factory.getClass().getName());
	}
}
