package cn.onething.wechat.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/wechat.md §2.2 and §3.3: what each key type may hold, and how a value is fitted to it. */
class MessageValuesTests {

	@Test
	void aThingLongerThanTwentyCharactersIsCutToTwentyWithAnEllipsis() {
		String value = prepared("thing1", "扶绥县政务服务中心户籍窗口出生登记一件事联办");

		assertThat(value).hasSize(20).endsWith("…").startsWith("扶绥县政务服务中心户籍窗口出生登记一");
	}

	@Test
	void aCharacterStringLosesItsChineseAndIsCutToThirtyTwo() {
		assertThat(prepared("character_string2", "受理编号SL-2024-0001")).isEqualTo("SL-2024-0001");
		assertThat(prepared("character_string2", "A".repeat(40))).isEqualTo("A".repeat(29) + "...");
	}

	@Test
	void aPhraseKeepsAtMostFiveChineseCharacters() {
		assertThat(prepared("phrase3", "审核已经通过了")).isEqualTo("审核已经通");
		assertThat(prepared("phrase3", "已受理 OK")).isEqualTo("已受理");
	}

	@Test
	void aNameKeyIsMasked() {
		assertThat(prepared("name4", "张三丰")).isEqualTo("张*");
	}

	@Test
	void everyValueLosesEmojiAndLineBreaks() {
		assertThat(prepared("thing1", "材料已补正\n请到窗口领取👍")).isEqualTo("材料已补正 请到窗口领取");
	}

	@Test
	void personalDataInAnyValueIsMasked() {
		assertThat(prepared("thing1", "身份证110101199003074477")).isEqualTo("身份证110****4477");
	}

	@Test
	void legacyKeysFollowTheTwentyCharacterRule() {
		assertThat(prepared("keyword1", "一二三四五六七八九十一二三四五六七八九十一")).hasSize(20);
	}

	@Test
	void wellFormedTimesDatesAndAmountsPass() {
		assertThat(MessageValues.prepare(Map.of(
				"time1", "2024年5月1日 09:30",
				"time2", "15:01",
				"date3", "2024-05-01",
				"date4", "5月1日~5月3日",
				"amount5", "¥120.50",
				"phone_number6", "+86-0771-1234567",
				"car_number7", "桂A12345")).valid()).isTrue();
	}

	@Test
	void anIllFormedTimeIsReportedAsWechatWould() {
		MessageValues.Prepared prepared = MessageValues.prepare(Map.of("time2", "明天上午"));

		assertThat(prepared.valid()).isFalse();
		assertThat(prepared.violation()).isEqualTo("data.time2.value invalid");
	}

	@Test
	void anEmptyValueIsReportedAsWechatWould() {
		Map<String, String> data = new LinkedHashMap<>();
		data.put("thing1", "出生登记");
		data.put("thing2", " ");

		assertThat(MessageValues.prepare(data).violation()).isEqualTo("data.thing2.value is empty");
	}

	@Test
	void thePhraseThatIsLeftWithoutChineseIsInvalid() {
		assertThat(MessageValues.prepare(Map.of("phrase1", "OK")).valid()).isFalse();
	}

	@Test
	void keysKeepTheCallersOrder() {
		Map<String, String> data = new LinkedHashMap<>();
		data.put("thing9", "a");
		data.put("thing1", "b");
		data.put("time5", "10:00");

		assertThat(MessageValues.prepare(data).values().keySet()).containsExactly("thing9", "thing1", "time5");
	}

	private static String prepared(String key, String value) {
		MessageValues.Prepared prepared = MessageValues.prepare(Map.of(key, value));
		assertThat(prepared.valid()).as(prepared.violation()).isTrue();
		return prepared.values().get(key);
	}
}
