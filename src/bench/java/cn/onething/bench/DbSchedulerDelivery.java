package cn.onething.bench;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import cn.onething.wechat.SendResult;
import cn.onething.wechat.WechatChannel;
import com.zaxxer.hikari.HikariDataSource;

/**
 * db-scheduler 16 as the rival of our outbox: one one-time task per push, making the same call through the same
 * WeChat channel (the task instance id as client_msg_id), on a JDBC pool as large as the service's R2DBC pool, with
 * as many threads as our dispatcher handles messages at once, polling with lock-and-fetch (an UPDATE … FOR UPDATE
 * SKIP LOCKED that marks a batch picked, the strategy closest to our claim). A push that is not accepted throws, and
 * db-scheduler retries it by its own rule.
 */
final class DbSchedulerDelivery implements AutoCloseable {

	/** db-scheduler's table for PostgreSQL, as its documentation gives it for version 16. */
	private static final String TABLE = """
			create table scheduled_tasks (
			  task_name text not null,
			  task_instance text not null,
			  task_data bytea,
			  execution_time timestamp with time zone not null,
			  picked boolean not null,
			  picked_by text,
			  last_success timestamp with time zone,
			  last_failure timestamp with time zone,
			  consecutive_failures int,
			  last_heartbeat timestamp with time zone,
			  version bigint not null,
			  priority smallint,
			  primary key (task_name, task_instance)
			);
			create index execution_time_idx on scheduled_tasks (execution_time);
			create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
			create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);
			""";

	private final BenchDatabase database;
	private final HikariDataSource pool;
	private final OneTimeTask<String> push;
	private final int threads;

	DbSchedulerDelivery(BenchDatabase database, int poolSize, int threads, WechatChannel channel) {
		this.database = database;
		this.threads = threads;
		database.execute(TABLE);
		pool = JdbcPool.on(database, poolSize);
		push = Tasks.oneTime("bench-push", String.class).execute((instance, context) -> {
			SendResult result = channel.sendTemplate(BenchWechat.push(instance.getData(), instance.getId())).block();
			if (!(result instanceof SendResult.Sent)) {
				throw new IllegalStateException("not accepted: " + result);
			}
		});
	}

	/** All at once, in one JDBC batch, due now: the backlog a drain starts from. */
	void schedule(List<String> refs) {
		SchedulerClient.Builder.create(pool, push).build()
				.scheduleBatch(refs.stream().<TaskInstance<?>>map(ref -> push.instance(UUID.randomUUID().toString(), ref)), Instant.now());
	}

	/** A scheduler polling with lock-and-fetch; {@code immediate}: a task it schedules itself is run without waiting for the next poll. */
	Scheduler start(boolean immediate) {
		var builder = Scheduler.create(pool, push).threads(threads).pollUsingLockAndFetch(0.5, 1.0);
		Scheduler scheduler = (immediate ? builder.enableImmediateExecution() : builder).build();
		scheduler.start();
		return scheduler;
	}

	/** Schedules one push, due now, through this scheduler; returns once it is committed. */
	void scheduleNow(Scheduler scheduler, String ref) {
		scheduler.schedule(push.instance(UUID.randomUUID().toString(), ref), Instant.now());
	}

	long waiting() {
		return database.count("select count(*) from scheduled_tasks");
	}

	void clear() {
		database.execute("delete from scheduled_tasks");
	}

	@Override
	public void close() {
		pool.close();
	}
}
