package cn.onething.wechat.fake;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The fake's own time for token and code lifetimes and daily quotas, so a test can jump two hours without waiting.
 * Callback timestamps use real time: the service checks them against its own clock.
 */
public final class FakeClock {

	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	private Duration offset = Duration.ZERO;

	public synchronized Instant now() {
		return Instant.now().plus(offset);
	}

	public synchronized void advance(Duration duration) {
		offset = offset.plus(duration);
	}

	/**
	 * Moves to the first second of the next quota day. A test of a daily limit starts there: run near Beijing
	 * midnight (16:00 UTC), the minutes it moves the clock would otherwise end the day midway and reset the count.
	 */
	public synchronized void advanceToNextQuotaDay() {
		Instant now = now();
		Instant next = now.atZone(BEIJING).toLocalDate().plusDays(1).atStartOfDay(BEIJING).toInstant().plusSeconds(1);
		offset = offset.plus(Duration.between(now, next));
	}

	/** WeChat's quota day; its reset time is not published (docs/wechat.md §8), Beijing midnight is assumed. */
	LocalDate day() {
		return now().atZone(BEIJING).toLocalDate();
	}
}
