package cn.onething.bench;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmarks racing Flowable and db-scheduler started with tiny sizes, as {@link BenchmarksStartTests} starts
 * the others: each must run to its end and print its last result line, and nothing it measures is checked. They
 * exist only under the Maven profile bench, which .ci/run runs this test with.
 */
// a hang guard only: a benchmark that broke could otherwise wait for deliveries for its full patience of minutes
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class RivalBenchmarksStartTests {

	@Test
	void approvalsAgainstFlowable() throws Exception {
		// 4 cases, 2 in flight
		assertThat(SmokeRun.printedBy(() -> EngineBenchmark.run("4", "2"))).contains("round 2: ours / Flowable = ");
	}

	@Test
	void pushesAgainstDbScheduler() throws Exception {
		// 20 pushes per drain, then 5 a second for 1 s
		assertThat(SmokeRun.printedBy(() -> DeliveryBenchmark.run("20", "5", "1")))
				.contains("| db-scheduler, immediate execution | 5 | ");
	}
}
