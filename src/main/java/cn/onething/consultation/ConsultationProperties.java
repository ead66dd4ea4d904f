package cn.onething.consultation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code onething.consultation.*}, checked at start-up with a message that names the property.
 *
 * @param answerWorkingDays working days a department or committee has to answer a question, counted by the
 *                          working-day calendar from the day it was asked (that day not counted); past the last one
 *                          the question shows as overdue
 */
@ConfigurationProperties("onething.consultation")
public record ConsultationProperties(@DefaultValue("3") int answerWorkingDays) {

	public ConsultationProperties {
		if (answerWorkingDays < 1 || answerWorkingDays > 60) {
			throw new IllegalArgumentException("onething.consultation.answer-working-days must be 1 to 60, was " + answerWorkingDays);
		}
	}
}
