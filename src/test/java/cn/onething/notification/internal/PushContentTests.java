package cn.onething.notification.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import cn.onething.notification.NotificationProperties;
import org.junit.jupiter.api.Test;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A push's template data, and a digest gathering step news in any order of arrival. */
class PushContentTests {

	static final NotificationProperties.Keys KEYS = new NotificationProperties.Keys("character_string1", "thing2", "phrase3", "time4", "thing5");
	static final Instant AT = Instant.parse("2026-03-02T02:05:00Z");

	@Test
	void theDataFollowsTheTemplatesKeysWithTheTimeInBeijing() {
		PushContent accepted = PushContent.of(PushKind.ACCEPTED, "已受理", new PushLine(3, "材料齐全，予以受理", AT));

		assertThat(accepted.data(KEYS, "FS23456789", "新生儿出生一件事")).containsExactly(
				entry("character_string1", "FS23456789"), entry("thing2", "新生儿出生一件事"),
				entry("phrase3", "已受理"), entry("time4", "2026-03-02 10:05"),
				entry("thing5", "材料齐全，予以受理"));
	}

	@Test
	void aDigestListsItsNewsInTheOrderOfTheTrailWithTheTimeOfTheLatest() {
		PushContent digest = PushContent.of(PushKind.STEPS, "审批进展", new PushLine(9, "医保参保已通过", AT.plusSeconds(60)))
				.joinedWith(PushContent.of(PushKind.STEPS, "审批进展", new PushLine(5, "出生登记已通过", AT)));

		assertThat(digest.remark()).isEqualTo("2项进展：出生登记已通过；医保参保已通过");
		assertThat(digest.firstSeq()).isEqualTo(5);
		assertThat(digest.at()).isEqualTo(AT.plusSeconds(60));
	}

	@Test
	void newsJoiningADigestInAnyOrderAndMoreThanOnceIsToldOnceInTrailOrder() {
		Random random = new Random(42);
		for (int round = 0; round < 200; round++) {
			int news = 1 + random.nextInt(6);
			PushContent digest = step(1 + random.nextInt(news));
			for (int i = 0; i < news * 2; i++) {
				digest = digest.joinedWith(step(1 + random.nextInt(news)));
			}
			for (int seq = 1; seq <= news; seq++) {
				digest = digest.joinedWith(step(seq));
			}

			assertThat(digest.lines()).extracting(PushLine::seq).as("round " + round)
					.containsExactlyElementsOf(IntStream.rangeClosed(1, news).boxed().toList());
			assertThat(digest.tells(news)).isTrue();
			assertThat(digest.tells(news + 1)).isFalse();
		}
	}

	private static PushContent step(int seq) {
		return PushContent.of(PushKind.STEPS, "审批进展", new PushLine(seq, "环节" + seq + "已通过", AT.plus(Duration.ofSeconds(seq))));
	}

	@Test
	void aPushTellsSomething() {
		assertThatThrownBy(() -> new PushContent(PushKind.ACCEPTED, "已受理", List.of()))
				.isInstanceOf(IllegalArgumentException.class);
	}
}
