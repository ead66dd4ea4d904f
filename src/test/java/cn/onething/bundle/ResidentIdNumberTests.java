package cn.onething.bundle;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResidentIdNumberTests {

	static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

	@Test
	void validNumbersPassIncludingOneWhoseCheckCharacterIsX() {
		assertThat(ResidentIdNumber.problem("11010519491231002X", TODAY)).isEmpty();
		assertThat(ResidentIdNumber.problem("451421198503120042", TODAY)).isEmpty();
		assertThat(ResidentIdNumber.problem("451421196001010039", TODAY)).isEmpty();
	}

	@Test
	void aLowerCaseXIsReadAsTheCheckCharacterX() {
		assertThat(ResidentIdNumber.problem("11010519491231002x", TODAY)).isEmpty();
	}

	@Test
	void aWrongCheckCharacterIsNamedAsSuch() {
		assertThat(ResidentIdNumber.problem("451421198503120043", TODAY)).contains("校验位不正确：有数字输错了，请对照身份证逐位核对");
		assertThat(ResidentIdNumber.problem("110105194912310021", TODAY)).contains("校验位不正确：有数字输错了，请对照身份证逐位核对");
	}

	@Test
	void anImpossibleBirthDateIsRefusedBeforeTheCheckCharacter() {
		assertThat(ResidentIdNumber.problem("451421199902300012", TODAY)).contains("中的出生日期（第7-14位）不是有效日期");
		assertThat(ResidentIdNumber.problem("451421189912310012", TODAY)).contains("中的出生日期（第7-14位）不是有效日期");
	}

	@Test
	void aBirthDateAfterTodayIsRefused() {
		assertThat(ResidentIdNumber.problem("451421202501010025", TODAY)).isEmpty();
		assertThat(ResidentIdNumber.problem("451421202501010025", LocalDate.of(2024, 12, 31))).contains("中的出生日期（第7-14位）晚于今天");
	}

	@Test
	void aNumberOfTheWrongShapeOrFromNoProvinceIsRefused() {
		assertThat(ResidentIdNumber.problem("45142119850312004", TODAY)).contains("应为18位，前17位是数字，最后一位是数字或X");
		assertThat(ResidentIdNumber.problem("45142119850312004Y", TODAY)).contains("应为18位，前17位是数字，最后一位是数字或X");
		assertThat(ResidentIdNumber.problem("991421198503120042", TODAY)).contains("前两位不是有效的省级行政区划代码");
	}
}
