package cn.onething.bench;

import java.util.concurrent.TimeUnit;

import cn.onething.document.bench.CompendiumBenchmark;
import cn.onething.outbox.OutboxBenchmark;
import cn.onething.system.HeadlessChromium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-tree benchmarks started with tiny sizes in this JVM, on the tests' embedded PostgreSQL, so that none stops
 * starting unnoticed: each must run to its end and print its last result line. What they measure is not checked, and
 * at these sizes means nothing; the figures come from the bench/ scripts. Left out: the benchmarks racing Flowable
 * and db-scheduler, compiled only under the Maven profile bench ({@code RivalBenchmarksStartTests} there, run by
 * .ci/run), and the fault run, whose two replica JVMs follow a two-minute timeline of faults.
 */
// a hang guard only: a benchmark that broke could otherwise wait for deliveries for its full patience of minutes
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class BenchmarksStartTests {

	@Test
	void submissionsThroughHttp() throws Exception {
		// 1 client for 1 s per closed run, 1 application a second for 1 s per open run
		assertThat(SmokeRun.printedBy(() -> SubmissionBenchmark.run("1", "1", "1", "1")))
				.contains("| load | open loop |", "cases stored: ");
	}

	@Test
	void outboxAlone() throws Exception {
		assertThat(SmokeRun.printedBy(() -> OutboxBenchmark.run("20", "2"))).containsPattern("(?m)^drain\\s+2\\s");
	}

	@Test
	void compendiumBothWays() throws Exception {
		HeadlessChromium.assumeInstalled();
		assertThat(SmokeRun.printedBy(() -> CompendiumBenchmark.main(new String[] {"3"}))).contains("| pages | ");
	}

	@Test
	void drainAfterAWechatOutage() throws Exception {
		// 3 pushes, an outage of 1 s: the run then waits for the outbox's first retry
		assertThat(SmokeRun.printedBy(() -> OutageDrain.run("3", "1"))).contains("| 3 pushes | outage 1 s | drained ");
	}
}
