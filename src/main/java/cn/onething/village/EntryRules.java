package cn.onething.village;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an entry must be to be published: the required columns present, a publicity period that ends after it
 * starts and lasts as long as the matter requires, recipients' names masked and no ID number or mobile number in a
 * recipients list, and the county's figures repeated, unless the publisher records why they differ. Every problem
 * is found at once, each against its field. Plain Java.
 */
public final class EntryRules {

	static final int MAX_TITLE = 100;
	static final int MAX_CONTENT = 4000;
	static final int MAX_RECIPIENTS = 500;

	/** 18-digit resident ID numbers (GB 11643), whole: not part of a longer run of digits such as a bank account. */
	private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9])[0-9]{17}[0-9Xx](?![0-9A-Za-z])");
	/** 11-digit mainland mobile numbers, whole. */
	private static final Pattern MOBILE = Pattern.compile("(?<![0-9])1[3-9][0-9]{9}(?![0-9])");
	private static final Pattern NAME_END = Pattern.compile("[\\s,，、:：]");

	private EntryRules() {
	}

	/** The entry ready to publish, or {@link EntryRefused} naming every wrong field. */
	public static Publication check(Places places, EntryDraft draft) {
		Map<String, String> problems = new LinkedHashMap<>();
		Optional<Committee> committee = places.committee(nonNull(draft.townshipId()), nonNull(draft.committeeId()));
		if (committee.isEmpty()) {
			problems.put("committee", "请选择村（居）委会");
		}
		Optional<DisclosureItem> item = places.item(nonNull(draft.itemId()));
		if (item.isEmpty()) {
			problems.put("item", "请选择公开事项");
		}
		String title = required(draft.title(), "title", "标题", MAX_TITLE, problems);
		String content = required(draft.content(), "content", "公开内容", MAX_CONTENT, problems);
		LocalDate startsOn = date(draft.startsOn(), "startsOn", "公开开始日期", problems);
		LocalDate endsOn = date(draft.endsOn(), "endsOn", "公开结束日期", problems);
		if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn)) {
			problems.put("endsOn", "公开结束日期早于开始日期");
		}
		String objection = blankToNull(draft.objectionChannel());
		List<String> recipients = lines(draft.recipients());
		Map<SharedElement, String> figures = new EnumMap<>(SharedElement.class);
		List<Difference> differences = new ArrayList<>();
		String overrideReason = blankToNull(draft.overrideReason());
		item.ifPresent(matter -> {
			if (matter.publicityDays() > 0) {
				publicity(matter, startsOn, endsOn, objection, problems);
			}
			if (matter.recipients()) {
				recipients(recipients, problems);
			}
			else if (!recipients.isEmpty()) {
				problems.put("recipients", "“" + matter.matter() + "”不公示名单，请删除名单");
			}
			matter.government().ifPresent(government -> government.figures().forEach((element, county) -> {
				String figure = blankToNull(draft.figures().get(element.key()));
				if (figure == null) {
					problems.put(element.key(), element.label() + "必填（县级公开为“" + county + "”）");
					return;
				}
				figures.put(element, figure);
				if (!sameFigure(figure, county)) {
					differences.add(new Difference(element, figure, county));
					if (overrideReason == null) {
						problems.put(element.key(), element.label() + "“" + figure + "”与县级公开的“" + county
								+ "”不一致；请改为一致，或在“不一致的理由”中写明理由后发布");
					}
				}
			}));
		});
		if (!problems.isEmpty()) {
			throw new EntryRefused(problems);
		}
		return new Publication(committee.get(), item.get(), title, content, startsOn, endsOn, objection, figures,
				recipients, differences, differences.isEmpty() ? null : overrideReason);
	}

	/** A 公示 lets people object: it says where, and runs at least as long as the rules require. */
	private static void publicity(DisclosureItem matter, LocalDate startsOn, LocalDate endsOn, String objection,
			Map<String, String> problems) {
		if (objection == null) {
			problems.put("objectionChannel", "“" + matter.matter() + "”须写明异议渠道（向谁、以何种方式提出异议）");
		}
		if (startsOn != null && endsOn != null && !endsOn.isBefore(startsOn)
				&& ChronoUnit.DAYS.between(startsOn, endsOn) + 1 < matter.publicityDays()) {
			problems.putIfAbsent("endsOn", "公示期不得少于" + matter.publicityDays() + "天");
		}
	}

	/** Names masked as 黄*明, and nothing that identifies a person outright (personal data in public lists). */
	private static void recipients(List<String> lines, Map<String, String> problems) {
		if (lines.isEmpty()) {
			problems.put("recipients", "请填写名单，每行一户（姓名须遮盖，如“黄*明”）");
			return;
		}
		if (lines.size() > MAX_RECIPIENTS) {
			problems.put("recipients", "名单不得超过" + MAX_RECIPIENTS + "行");
			return;
		}
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			String where = "名单第" + (i + 1) + "行";
			if (ID_NUMBER.matcher(line).find()) {
				problems.put("recipients", where + "含有完整的18位身份证号码，公示名单不得出现身份证号码");
				return;
			}
			if (MOBILE.matcher(line).find()) {
				problems.put("recipients", where + "含有完整的11位手机号码，公示名单不得出现手机号码");
				return;
			}
			String name = NAME_END.split(line, 2)[0];
			if (!name.contains("*") && !name.contains("＊")) {
				problems.put("recipients", where + "的姓名“" + name + "”未遮盖，请写作“" + maskedExample(name) + "”");
				return;
			}
		}
	}

	private static String maskedExample(String name) {
		int[] characters = name.codePoints().toArray();
		if (characters.length < 2) {
			return "黄*明";
		}
		StringBuilder masked = new StringBuilder().appendCodePoint(characters[0]).append('*');
		if (characters.length > 2) {
			masked.appendCodePoint(characters[characters.length - 1]);
		}
		return masked.toString();
	}

	/** Figures read the same when they differ only in spaces and the width of their characters. */
	static boolean sameFigure(String village, String county) {
		return normalised(village).equals(normalised(county));
	}

	private static String normalised(String figure) {
		StringBuilder plain = new StringBuilder();
		figure.codePoints().filter(c -> !Character.isWhitespace(c) && c != '\u3000')
				.map(c -> c >= '\uFF01' && c <= '\uFF5E' ? c - 0xFEE0 : c)
				.forEach(plain::appendCodePoint);
		return plain.toString();
	}

	private static String required(String text, String field, String label, int max, Map<String, String> problems) {
		String value = blankToNull(text);
		if (value == null) {
			problems.put(field, label + "必填");
		}
		else if (value.length() > max) {
			problems.put(field, label + "不得超过" + max + "字");
		}
		return value;
	}

	private static LocalDate date(String text, String field, String label, Map<String, String> problems) {
		String value = blankToNull(text);
		if (value == null) {
			problems.put(field, label + "必填");
			return null;
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException e) {
			problems.put(field, label + "应写作“2026-03-01”的格式");
			return null;
		}
	}

	private static List<String> lines(String text) {
		return text == null ? List.of() : text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	private static String nonNull(String text) {
		return text == null ? "" : text;
	}
}
