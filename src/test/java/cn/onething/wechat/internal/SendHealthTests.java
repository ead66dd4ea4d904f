package cn.onething.wechat.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import cn.onething.wechat.SendResult;
import cn.onething.wechat.SendsRecovered;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/** An outage of WeChat is two log lines however long it lasts, and its end is told to the listeners. */
@ExtendWith(OutputCaptureExtension.class)
class SendHealthTests {

	static final SendResult BUSY = new SendResult.Temporary(-1, "system error");
	static final SendResult NO_ANSWER = new SendResult.Unknown("Read timed out");
	static final SendResult SENT = new SendResult.Sent("1");

	final List<SendsRecovered> recoveries = new ArrayList<>();
	final SendHealth health = new SendHealth(recovered -> Mono.fromRunnable(() -> recoveries.add(recovered)),
			Clock.fixed(Instant.parse("2026-03-02T02:00:00Z"), ZoneOffset.UTC));

	@Test
	void anOutageIsOneWarningWhenSendsStartFailingAndOneLineWithTheCountsWhenOneGoesThrough(CapturedOutput output) {
		health.observe(SENT);
		for (int i = 0; i < 200; i++) {
			health.observe(i % 2 == 0 ? BUSY : NO_ANSWER);
		}
		health.observe(SENT);
		health.observe(SENT);

		assertThat(lines(output, "WeChat sends are failing")).singleElement().asString()
				.contains("WARN", "5 in a row since 2026-03-02T02:00:00Z", "system error");
		assertThat(lines(output, "WeChat sends go through again")).singleElement().asString()
				.contains("INFO", "200 failed since 2026-03-02T02:00:00Z", "Read timed out");
		assertThat(lines(output, "SendHealth")).hasSize(2);
		assertThat(recoveries).singleElement().satisfies(recovered -> assertThat(recovered.failedAttempts()).isEqualTo(200));
	}

	@Test
	void aFewFailuresAmongSuccessesAreNoOutage(CapturedOutput output) {
		for (int i = 0; i < 100; i++) {
			health.observe(i % 4 == 3 ? SENT : BUSY);
		}

		assertThat(lines(output, "SendHealth")).isEmpty();
		assertThat(recoveries).isEmpty();
	}

	@Test
	void wechatRefusingAMessageIsWechatAnsweringAndAThrottledApplicantIsNoOutage(CapturedOutput output) {
		for (int i = 0; i < 10; i++) {
			health.observe(new SendResult.Temporary(43117, "Sending messages to this openid too frequently"));
		}
		for (int i = 0; i < 4; i++) {
			health.observe(BUSY);
		}
		health.observe(new SendResult.Permanent(43004, "require subscribe"));
		for (int i = 0; i < 4; i++) {
			health.observe(BUSY);
		}

		assertThat(lines(output, "SendHealth")).isEmpty();
	}

	private static List<String> lines(CapturedOutput output, String text) {
		return Stream.of(output.getAll().split("\\R")).filter(line -> line.contains(text)).toList();
	}
}
