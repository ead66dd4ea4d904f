package cn.onething.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A benchmark started by a smoke test: in the test's JVM, on the tests' embedded PostgreSQL (a fresh database each
 * time, not the benchmarks' durable server, whose start would cost more than the run), its standard output kept for
 * the test to check that it ran to its end.
 */
final class SmokeRun {

	interface Benchmark {

		void run() throws Exception;
	}

	private SmokeRun() {
	}

	/** What the benchmark printed; the tests run one at a time (Surefire's default), so standard output is its alone. */
	static String printedBy(Benchmark benchmark) throws Exception {
		PrintStream console = System.out;
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
		System.setProperty(BenchDatabase.CHOICE, "tests");
		try {
			benchmark.run();
		}
		finally {
			System.clearProperty(BenchDatabase.CHOICE);
			System.setOut(console);
		}
		return printed.toString(StandardCharsets.UTF_8);
	}
}
