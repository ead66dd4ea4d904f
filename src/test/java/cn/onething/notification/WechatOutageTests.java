package cn.onething.notification;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import cn.onething.casework.StoredCase;
import cn.onething.wechat.fake.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * WeChat turns sends away for a while (HTTP 503 from its gateway): the service logs one warning, and when a send goes
 * through again one line with the counts, and sends the pushes that failed meanwhile at once. The service's clock
 * stands still, so without that signal their retries would never fall due.
 */
@Import(MovableClock.AsTheServicesClock.class)
@ExtendWith(OutputCaptureExtension.class)
class WechatOutageTests extends NotifyingService {

	@Test
	void pushesThatFailedDuringAnOutageAreSentAsSoonAsWechatTakesSendsAgain(CapturedOutput output) {
		List<StoredCase> cases = IntStream.range(0, 5).mapToObj(i -> submitted()).toList();
		List<String> openids = cases.stream().map(this::boundFollower).toList();
		openids.forEach(openid -> FAKE.failNextSendTo(openid, Fault.httpStatus(503)));

		cases.forEach(stored -> {
			approve(stored, "hukou", null);
			approve(stored, "insurance", null);
		});
		openids.forEach(openid -> awaitAttempt(openid, 1));
		assertThat(lines(output, "WeChat sends are failing")).hasSize(1);

		StoredCase another = submitted();
		boundFollower(another);

		openids.forEach(openid -> awaitPush(openid, "accepted", "delivered"));
		assertThat(lines(output, "WeChat sends go through again")).singleElement().asString().contains("5 failed since");
		assertThat(lines(output, "pushes that failed while WeChat did not take sends are due now")).hasSize(1);
	}

	private void awaitAttempt(String openid, int attempts) {
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> pushesTo(openid).stream()
				.anyMatch(push -> push.get("kind").equals("accepted") && push.get("attempts").equals(attempts)));
	}

	private static List<String> lines(CapturedOutput output, String text) {
		return Stream.of(output.getAll().split("\\R")).filter(line -> line.contains(text)).toList();
	}
}
