package cn.onething.rating;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code onething.rating.*}, checked at start-up with a message that names the property.
 *
 * @param inviteAfter         how long after completion an applicant who has not rated the case is invited to, once,
 *                            by a WeChat push (some provinces invite after 3 days, docs/rating.md §3)
 * @param followUpWorkingDays working days the hall has to check, rectify and answer a bad rating (差评整改), counted by
 *                            the working-day calendar from the day of the rating
 */
@ConfigurationProperties("onething.rating")
public record RatingProperties(@DefaultValue("3d") Duration inviteAfter, @DefaultValue("5") int followUpWorkingDays) {

	public RatingProperties {
		if (inviteAfter.isNegative()) {
			throw new IllegalArgumentException("onething.rating.invite-after must not be negative, was " + inviteAfter);
		}
		if (followUpWorkingDays < 1 || followUpWorkingDays > 60) {
			throw new IllegalArgumentException("onething.rating.follow-up-working-days must be 1 to 60, was " + followUpWorkingDays);
		}
	}
}
