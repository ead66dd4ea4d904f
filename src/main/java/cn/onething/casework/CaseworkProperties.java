package cn.onething.casework;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code onething.casework.*}: the limits of an upload (the largest material file, the largest request carrying
 * files, the most parts in one request, and how many uploads one replica reads at once, with the seconds a refused
 * one is told to wait; docs/uploads.md says why these values), the working days an applicant gets to correct,
 * the working days departments get to review a correction before it counts as accepted (行政许可法 §32(5)),
 * the secret that signs links to a case's progress page (set the same value on every replica), how long an
 * idempotency key of a submission is remembered, and how a case look-up by receipt code and phone digits is
 * throttled: {@code lookup-max-failures} wrong digits in a row lock the receipt code for {@code lookup-lock-duration},
 * doubled with each further lock up to a day.
 */
@ConfigurationProperties("onething.casework")
public record CaseworkProperties(
		@DefaultValue("10MB") DataSize maxUploadSize,
		@DefaultValue("50MB") DataSize maxUploadRequestSize,
		@DefaultValue("60") int maxUploadParts,
		@DefaultValue("4") int maxUploadsInFlight,
		@DefaultValue("5s") Duration uploadRetryAfter,
		@DefaultValue("10") int correctionWorkingDays,
		@DefaultValue("5") int correctionReviewWorkingDays,
		String linkSecret,
		@DefaultValue("24h") Duration idempotencyKeyLifetime,
		@DefaultValue("5") int lookupMaxFailures,
		@DefaultValue("15m") Duration lookupLockDuration) {

	public CaseworkProperties {
		if (maxUploadSize.toBytes() <= 0 || maxUploadSize.toBytes() > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("onething.casework.max-upload-size must be between 1B and 2GB, was " + maxUploadSize);
		}
		if (maxUploadRequestSize.toBytes() < maxUploadSize.toBytes()) {
			throw new IllegalArgumentException("onething.casework.max-upload-request-size (" + maxUploadRequestSize
					+ ") must be at least onething.casework.max-upload-size (" + maxUploadSize + ")");
		}
		if (maxUploadParts <= 0) {
			throw new IllegalArgumentException("onething.casework.max-upload-parts must be a positive number, was " + maxUploadParts);
		}
		if (maxUploadsInFlight <= 0) {
			throw new IllegalArgumentException("onething.casework.max-uploads-in-flight must be a positive number, was " + maxUploadsInFlight);
		}
		if (uploadRetryAfter.toSeconds() <= 0) {
			throw new IllegalArgumentException("onething.casework.upload-retry-after must be at least a second, was " + uploadRetryAfter);
		}
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
