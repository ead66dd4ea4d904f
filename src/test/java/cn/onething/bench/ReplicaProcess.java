package cn.onething.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link DeliveryInstance} in a JVM of its own, so that killing it is a real crash: SIGKILL, no shutdown hook, no
 * lease handed back, its connections cut by the kernel. Its output goes to a log file.
 */
final class ReplicaProcess {

	private final Process process;
	private final CompletableFuture<Long> ready = new CompletableFuture<>();

	private ReplicaProcess(Process process, Path log) {
		this.process = process;
		Thread reader = new Thread(() -> copy(log), "replica-output");
		reader.setDaemon(true);
		reader.start();
	}

	static ReplicaProcess start(BenchDatabase database, String fakeUrl, Path log) {
		String java = ProcessHandle.current().info().command().orElse("java");
		try {
			Files.createDirectories(log.getParent());
			return new ReplicaProcess(new ProcessBuilder(java, "-Xmx384m", "-Dlogging.config=bench/logback.xml",
					"-cp", System.getProperty("java.class.path"), DeliveryInstance.class.getName(),
					database.r2dbcUrl(), database.user(), database.password(), fakeUrl)
					.redirectErrorStream(true).start(), log);
		}
		catch (IOException e) {
			throw new UncheckedIOException("could not start a replica", e);
		}
	}

	/** Completes with System.nanoTime when the replica has started. */
	CompletableFuture<Long> ready() {
		return ready;
	}

	void kill() {
		process.destroyForcibly();
		try {
			process.waitFor();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private void copy(Path log) {
		try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
				Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				if (line.equals(DeliveryInstance.READY)) {
					ready.complete(System.nanoTime());
				}
				out.write(line + "\n");
				out.flush();
			}
		}
		catch (IOException e) {
			// the replica was killed mid-line
		}
		ready.completeExceptionally(new IllegalStateException("the replica ended before it was ready; see " + log));
	}
}
