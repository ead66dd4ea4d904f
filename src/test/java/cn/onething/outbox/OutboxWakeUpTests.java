package cn.onething.outbox;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/** LISTEN/NOTIFY: a dispatcher that polls once an hour still delivers at once. */
class OutboxWakeUpTests {

	static final String PUSH = "notification.push";
	static final Duration PROMPTLY = Duration.ofSeconds(3);
	static final OutboxFixture fixture = OutboxFixture.onFreshDatabase();

	@BeforeEach
	void emptyOutbox() {
		fixture.reset();
	}

	@AfterAll
	static void closeDatabase() {
		fixture.close();
	}

	@Test
	void aNotifyWakesADispatcherThatPollsOnlyOnceAnHour() {
		RecordingHandler pushes = RecordingHandler.delivering(PUSH);
		fixture.listeningDispatcher(new Settings().pollInterval(Duration.ofHours(1)), pushes);
		Eventually.until("the dispatcher listens", () -> listenerPid().hasElement());

		assertThat(deliveryTime(pushes, "push-1")).isLessThan(PROMPTLY);
	}

	@Test
	void aDroppedListenConnectionIsOpenedAgain() {
		RecordingHandler pushes = RecordingHandler.delivering(PUSH);
		fixture.listeningDispatcher(new Settings().pollInterval(Duration.ofHours(1)), pushes);
		Eventually.until("the dispatcher listens", () -> listenerPid().hasElement());
		int dropped = listenerPid().block();

		fixture.db.sql("select pg_terminate_backend(:pid)").bind("pid", dropped).then().block();

		Eventually.until("it listens on a new connection", () -> listenerPid().map(pid -> pid != dropped).defaultIfEmpty(false));
		assertThat(deliveryTime(pushes, "push-2")).isLessThan(PROMPTLY);
	}

	private static Duration deliveryTime(RecordingHandler pushes, String dedupeKey) {
		long start = System.nanoTime();
		fixture.append(PUSH, dedupeKey, Map.of());
		Eventually.until(dedupeKey + " is handled", () -> pushes.times(dedupeKey) == 1);
		return Duration.ofNanos(System.nanoTime() - start);
	}

	/** The backend holding the dispatcher's LISTEN; its last statement stays in pg_stat_activity. */
	private static Mono<Integer> listenerPid() {
		return fixture.db.sql("""
				select pid from pg_stat_activity
				where datname = current_database() and state = 'idle' and query = 'LISTEN outbox'
				""").map(row -> row.get("pid", Integer.class)).first();
	}
}
