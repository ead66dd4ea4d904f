package cn.onething.consultation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code onething.consultation.*}.
 *
 * @param answerWithin how long a department or committee has to answer a question before it shows as overdue
 */
@ConfigurationProperties("onething.consultation")
public record ConsultationProperties(@DefaultValue("72h") Duration answerWithin) {

	public ConsultationProperties {
		if (answerWithin.isNegative() || answerWithin.isZero()) {
			throw new IllegalArgumentException("onething.consultation.answer-within must be positive, was " + answerWithin);
		}
	}
}
