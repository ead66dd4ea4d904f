package cn.onething.village;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The rules an entry must meet to be published, without Spring or a database. */
class EntryRulesTests {

	static final Committee VILLAGE = new Committee("xinning", "chengdong", "城东社区居委会", "社区居委会",
			new Contact("城东社区居务监督委员会", "0771-7521231", "扶绥县新宁镇城东社区综合服务中心"));
	static final DisclosureItem DIBAO = new DisclosureItem("minimum-living-allowance", "最低生活保障对象公示", "户主姓名（遮盖）、保障金额",
			"《社会救助暂行办法》", "公示期7天", "村（居）民委员会", List.of("村务公开栏"), "本村（居）民", "主动", "村级", 0, 7, true,
			Optional.of(new GovernmentMatter("000511401000", "最低生活保障审核确认",
					Map.of(SharedElement.STANDARD, "农村低保标准每人每年5760元"))));
	static final DisclosureItem FINANCE = new DisclosureItem("village-finance", "村级财务收支", "收入、支出", "村民委员会组织法",
			"每季度", "村（居）民委员会", List.of("村务公开栏"), "本村（居）民", "主动", "村级", 15, 0, false, Optional.empty());
	static final Places PLACES = new Places(List.of(new Township("xinning", "新宁镇", VILLAGE.contact(), List.of(VILLAGE))),
			List.of(DIBAO, FINANCE));
	static final LocalDate START = LocalDate.of(2026, 3, 2);

	@Test
	void aLowIncomePublicityWithTheCountysStandardAndMaskedNamesIsPublished() {
		Publication publication = EntryRules.check(PLACES, dibao("农村低保标准每人每年5760元", "黄*明 3人 每月1440元\n李*  1人 每月480元", null));

		assertThat(publication.recipients()).containsExactly("黄*明 3人 每月1440元", "李*  1人 每月480元");
		assertThat(publication.differences()).isEmpty();
		assertThat(publication.overrideReason()).isNull();
	}

	@Test
	void aFigureThatOnlyDiffersInSpacesAndCharacterWidthIsTheSameFigure() {
		assertThat(EntryRules.check(PLACES, dibao("农村低保标准 每人每年５７６０元", "黄*明 3人", null)).differences()).isEmpty();
	}

	@Test
	void aVillageCannotPublishAStandardThatContradictsTheCountysWithoutARecordedReason() {
		EntryRefused refused = catchThrowableOfType(EntryRefused.class,
				() -> EntryRules.check(PLACES, dibao("农村低保标准每人每年5000元", "黄*明 3人", null)));

		assertThat(refused.problems()).containsOnlyKeys("standard");
		assertThat(refused.problems().get("standard")).contains("5000元", "与县级公开的“农村低保标准每人每年5760元”不一致");
	}

	@Test
	void withAReasonTheDifferenceIsPublishedAndKeptForTheTownshipAndTheCounty() {
		Publication publication = EntryRules.check(PLACES, dibao("农村低保标准每人每年5000元", "黄*明 3人", "县民政局2026年新标准尚未发文，沿用村民代表会议通过的数字"));

		assertThat(publication.differences()).containsExactly(
				new Difference(SharedElement.STANDARD, "农村低保标准每人每年5000元", "农村低保标准每人每年5760元"));
		assertThat(publication.overrideReason()).startsWith("县民政局");
	}

	@Test
	void anUnmaskedIdNumberInTheRecipientsListIsRefusedNamingTheListAndTheLine() {
		assertThat(problems(dibao("农村低保标准每人每年5760元", "黄*明 3人\n李*芳 45212219800101123X 1人", null)))
				.containsEntry("recipients", "名单第2行含有完整的18位身份证号码，公示名单不得出现身份证号码");
	}

	@Test
	void aMobileNumberInTheRecipientsListIsRefused() {
		assertThat(problems(dibao("农村低保标准每人每年5760元", "黄*明 13877112345", null)).get("recipients"))
				.startsWith("名单第1行含有完整的11位手机号码");
	}

	@Test
	void anUnmaskedNameIsRefusedWithHowToMaskIt() {
		assertThat(problems(dibao("农村低保标准每人每年5760元", "黄小明 3人", null)).get("recipients"))
				.isEqualTo("名单第1行的姓名“黄小明”未遮盖，请写作“黄*明”");
	}

	@Test
	void aPeriodEndingBeforeItStartsIsRefused() {
		EntryDraft draft = new EntryDraft("xinning", "chengdong", "village-finance", "2026年第一季度财务收支", "收入12万元",
				"2026-03-10", "2026-03-01", null, Map.of(), null, null);

		assertThat(problems(draft)).containsEntry("endsOn", "公开结束日期早于开始日期");
	}

	@Test
	void aPublicityShorterThanTheRulesOrWithoutAnObjectionChannelIsRefused() {
		EntryDraft draft = new EntryDraft("xinning", "chengdong", "minimum-living-allowance", "低保公示", "拟纳入低保家庭",
				START.toString(), START.plusDays(5).toString(), " ", Map.of("standard", "农村低保标准每人每年5760元"), "黄*明 3人",
				null);

		assertThat(problems(draft)).containsEntry("endsOn", "公示期不得少于7天").containsKey("objectionChannel");
	}

	@Test
	void everyMissingColumnIsNamedAtOnce() {
		EntryDraft draft = new EntryDraft("xinning", "nowhere", "", "", "", "", "3月1日", null, Map.of(), null, null);

		assertThat(problems(draft)).containsOnlyKeys("committee", "item", "title", "content", "startsOn", "endsOn");
		assertThat(problems(draft).get("endsOn")).isEqualTo("公开结束日期应写作“2026-03-01”的格式");
	}

	@Test
	void aMatterWithoutAListRefusesOne() {
		EntryDraft draft = new EntryDraft("xinning", "chengdong", "village-finance", "2026年第一季度财务收支", "收入12万元",
				START.toString(), START.plusDays(30).toString(), null, Map.of(), "黄*明 3人", null);

		assertThatThrownBy(() -> EntryRules.check(PLACES, draft)).isInstanceOf(EntryRefused.class);
		assertThat(problems(draft)).containsOnlyKeys("recipients");
	}

	static EntryDraft dibao(String standard, String recipients, String reason) {
		Map<String, String> figures = new HashMap<>();
		figures.put("standard", standard);
		return new EntryDraft("xinning", "chengdong", "minimum-living-allowance", "2026年3月低保对象公示", "以下家庭拟纳入最低生活保障",
				START.toString(), START.plusDays(6).toString(), "向城东社区居务监督委员会或新宁镇民政办提出，电话0771-7521231", figures,
				recipients, reason);
	}

	private static Map<String, String> problems(EntryDraft draft) {
		return catchThrowableOfType(EntryRefused.class, () -> EntryRules.check(PLACES, draft)).problems();
	}
}
