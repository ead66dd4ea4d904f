package cn.onething.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import com.zaxxer.hikari.HikariDataSource;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.task.api.Task;

/**
 * Flowable 7's embedded process engine with its default history (audit) and no async executor, on a JDBC pool as
 * large as the service's R2DBC pool, running the BPMN of bench/engine. Each {@code taskService.complete} is one
 * transaction, committed before it returns. Flowable's complete returns nothing, so the client asks for the case's
 * open tasks before each stage, as a department's task list would: three queries for the four completions.
 */
final class FlowableApprovals implements AutoCloseable {

	private static final String PROCESS = "fourSteps";

	private final HikariDataSource pool;
	private final ProcessEngine engine;

	FlowableApprovals(BenchDatabase database, int poolSize, Path bpmn) throws IOException {
		pool = JdbcPool.on(database, poolSize);
		engine = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
				.setDataSource(pool)
				.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
				.setAsyncExecutorActivate(false)
				.buildProcessEngine();
		try (InputStream definition = Files.newInputStream(bpmn)) {
			engine.getRepositoryService().createDeployment().addInputStream(bpmn.getFileName().toString(), definition).deploy();
		}
	}

	/** Starts a process instance per case, {@code concurrency} at a time; returns their ids. */
	List<String> file(int cases, int concurrency) {
		return inParallel(concurrency, IntStream.range(0, cases)
				.<Callable<String>>mapToObj(i -> () -> engine.getRuntimeService()
						.startProcessInstanceByKey(PROCESS, "case-" + i).getId())
				.toList());
	}

	/** Completes the four tasks of each case in order, {@code concurrency} cases at a time. */
	void approveAll(List<String> processInstanceIds, int concurrency) {
		inParallel(concurrency, processInstanceIds.stream().<Callable<String>>map(id -> () -> {
			openTasks(id).forEach(this::complete); // the two parallel departments
			openTasks(id).forEach(this::complete); // then the third
			openTasks(id).forEach(this::complete); // and the fourth
			return id;
		}).toList());
	}

	long finishedProcesses() {
		return engine.getHistoryService().createHistoricProcessInstanceQuery().finished().count();
	}

	private List<Task> openTasks(String processInstanceId) {
		return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).list();
	}

	private void complete(Task task) {
		engine.getTaskService().complete(task.getId());
	}

	private static <T> List<T> inParallel(int concurrency, List<Callable<T>> work) {
		ExecutorService threads = Executors.newFixedThreadPool(concurrency);
		try {
			List<T> results = new java.util.ArrayList<>();
			for (Future<T> result : threads.invokeAll(work)) {
				results.add(result.get());
			}
			return results;
		}
		catch (Exception e) {
			throw new IllegalStateException("Flowable failed", e);
		}
		finally {
			threads.shutdown();
		}
	}

	@Override
	public void close() {
		engine.close();
		pool.close();
	}
}
