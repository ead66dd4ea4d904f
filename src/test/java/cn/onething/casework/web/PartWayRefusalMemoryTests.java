package cn.onething.casework.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import cn.onething.system.TestDatabase;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads refused part-way through their body, again and again: each is answered 413, and none leaves Netty's pooled
 * direct memory behind or an onErrorDropped ERROR in the log (docs/uploads.md). Before the body was copied off Netty's buffers,
 * each such refusal kept about 100 KB of direct memory for good, which the garbage collector never gives back.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"onething.casework.max-upload-size=512KB",
		"onething.casework.max-upload-request-size=1MB" })
class PartWayRefusalMemoryTests {

	private static final int KB = 1024;
	private static final int REFUSALS = 200;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.registerFresh(registry);
	}

	@LocalServerPort
	int port;

	@Test
	void refusalsPartWayThroughTheBodyHoldNoDirectMemoryAndLogNoError(CapturedOutput output) throws Exception {
		// the allocator takes its first chunks for the first requests of each event loop
		refuseOnTheApi(20);
		long before = nettyDirectMemory();

		refuseOnTheApi(REFUSALS);

		long grown = nettyDirectMemory() - before;
		// held for good, a hundred kilobytes a refusal would be 20 MB here; what the allocator may still take for
		// itself is a chunk or two
		assertThat(grown).as("direct memory grown over %d refusals", REFUSALS).isLessThan(4L * KB * KB);
		// not "LEAK:": Netty's leak reports come whenever the collector finds a lost buffer, from anything the test JVM
		// ran before (a client's gzip buffer failed a loaded run); the memory above is what this test measures
		assertThat(output.getAll()).doesNotContain("onErrorDropped");
	}

	/** Two 400 KB files in a chunked body, so the 1 MB request limit is crossed in the third part. */
	private void refuseOnTheApi(int times) throws Exception {
		byte[] scan = Arrays.copyOf("%PDF-1.4\n%".getBytes(StandardCharsets.US_ASCII), 400 * KB);
		for (int i = 0; i < times; i++) {
			try (RawUpload upload = new RawUpload(port, "/api/applications", -1, "Idempotency-Key: " + UUID.randomUUID())) {
				for (int file = 0; file < 4 && !upload.answer().isDone(); file++) {
					try {
						upload.sendChunk(RawUpload.file("material.part-" + file, "scan.pdf", scan));
					}
					catch (IOException closedAfterAnswering) {
						// the answer says what happened
					}
				}
				assertThat(upload.answer().get(60, TimeUnit.SECONDS).status()).isEqualTo(413);
			}
		}
	}

	private static long nettyDirectMemory() {
		return ((ByteBufAllocatorMetricProvider) ByteBufAllocator.DEFAULT).metric().usedDirectMemory();
	}
}
