package cn.onething.casework;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code onething.casework.*}: the largest material file accepted, the working days an applicant gets to correct,
 * the working days departments get to review a correction before it counts as accepted (行政许可法 §32(5)),
 * the secret that signs links to a case's progress page (set the same value on every replica), how long an
 * idempotency key of a submission is remembered, and how a case look-up by receipt code and phone digits is
 * throttled: {@code lookup-max-failures} wrong digits in a row lock the receipt code for {@code lookup-lock-duration},
 * doubled with each further lock up to a day.
 */
@ConfigurationProperties("onething.casework")
public record CaseworkProperties(
		@DefaultValue("10MB") DataSize maxUploadSize,
		@DefaultValue("10") int correctionWorkingDays,
		@DefaultValue("5") int correctionReviewWorkingDays,
		String linkSecret,
		@DefaultValue("24h") Duration idempotencyKeyLifetime,
		@DefaultValue("5") int lookupMaxFailures,
		@DefaultValue("15m") Duration lookupLockDuration) {

	public CaseworkProperties {
		if (correctionWorkingDays <= 0) {
			throw new IllegalArgumentException("onething.casework.correction-working-days must be a positive number of working days, was " + correctionWorkingDays);
		}
		if (correctionReviewWorkingDays <= 0) {
			throw new IllegalArgumentException("onething.casework.correction-review-working-days must be a positive number of working days, was " + correctionReviewWorkingDays);
		}
		if (idempotencyKeyLifetime.isNegative() || idempotencyKeyLifetime.isZero()) {
			throw new IllegalArgumentException("onething.casework.idempotency-key-lifetime must be positive, was " + idempotencyKeyLifetime);
		}
		if (lookupMaxFailures <= 0) {
			throw new IllegalArgumentException("onething.casework.lookup-max-failures must be a positive number, was " + lookupMaxFailures);
		}
		if (lookupLockDuration.isNegative() || lookupLockDuration.isZero()) {
			throw new IllegalArgumentException("onething.casework.lookup-lock-duration must be positive, was " + lookupLockDuration);
		}
	}
}
