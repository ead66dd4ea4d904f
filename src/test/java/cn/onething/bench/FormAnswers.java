package cn.onething.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.StringJoiner;

import cn.onething.bundle.FormField;

/**
 * A bundle's combined form filled in as a different applicant each time: valid answers of every field's type with
 * names, ID numbers (GB 11643 check character) and phone numbers that vary, URL-encoded as the form page posts them.
 * Every field is answered, conditional ones too, as a page that keeps hidden answers would send them.
 */
final class FormAnswers {

	private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗韦覃黎蒙";
	private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂兰壮宁";
	/** 扶绥县, the sample hall's county. */
	private static final String REGION = "451421";
	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private final List<FormField> fields;
	private final Random random;

	FormAnswers(List<FormField> fields, long seed) {
		this.fields = fields;
		this.random = new Random(seed);
	}

	String next() {
		StringJoiner body = new StringJoiner("&");
		for (FormField field : fields) {
			body.add(encode(field.key()) + "=" + encode(answer(field)));
		}
		return body.toString();
	}

	private String answer(FormField field) {
		return switch (field.rule().type()) {
			case TEXT -> text(field);
			case ID_NUMBER -> idNumber();
			case MOBILE -> "13" + (7 + random.nextInt(3)) + String.format("%08d", random.nextInt(100_000_000));
			case DATE -> LocalDate.now().minusDays(1 + random.nextInt(60)).toString();
			case NUMBER -> field.rule().min() == null ? "1" : field.rule().min().toPlainString();
			case CHOICE -> field.rule().options().get(random.nextInt(field.rule().options().size()));
			case BOOLEAN -> String.valueOf(random.nextBoolean());
		};
	}

	private String text(FormField field) {
		if (field.rule().pattern() != null) {
			throw new IllegalArgumentException("the benchmark answers text fields without a pattern only, not " + field.key());
		}
		String name = pick(SURNAMES) + pick(GIVEN) + pick(GIVEN);
		String answer = field.key().endsWith("ddress") || field.key().endsWith("Place") ? "扶绥县新宁镇" + name + "路" + (1 + random.nextInt(200)) + "号" : name;
		Integer max = field.rule().maxLength();
		return max == null || answer.length() <= max ? answer : answer.substring(0, max);
	}

	private String idNumber() {
		LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(random.nextInt(40 * 365));
		String first17 = REGION + birth.toString().replace("-", "") + String.format("%03d", random.nextInt(1000));
		int sum = 0;
		for (int i = 0; i < WEIGHTS.length; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return first17 + "10X98765432".charAt(sum % 11);
	}

	private String pick(String characters) {
		return String.valueOf(characters.charAt(random.nextInt(characters.length())));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
