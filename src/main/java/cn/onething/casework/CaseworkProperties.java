package cn.onething.casework;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code onething.casework.*}: the largest material file accepted, the working days an applicant gets to correct,
 * and the secret that signs links to a case's progress page (set the same value on every replica).
 */
@ConfigurationProperties("onething.casework")
public record CaseworkProperties(
		@DefaultValue("10MB") DataSize maxUploadSize,
		@DefaultValue("10") int correctionWorkingDays,
		String linkSecret) {

	public CaseworkProperties {
		if (correctionWorkingDays <= 0) {
			throw new IllegalArgumentException("onething.casework.correction-working-days must be a positive number of working days, was " + correctionWorkingDays);
		}
	}
}
