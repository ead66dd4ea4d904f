package cn.onething.bench;

import java.util.Arrays;

/** Latencies in nanoseconds, sorted once, read as percentiles in milliseconds. */
final class Latencies {

	private final long[] sorted;

	Latencies(long[] nanos) {
		this.sorted = nanos.clone();
		Arrays.sort(sorted);
	}

	double percentileMillis(double percent) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(sorted.length * percent / 100) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
	}

	double maxMillis() {
		return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6;
	}
}
