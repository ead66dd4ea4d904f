package cn.onething.wechat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MaskingTests {

	@Test
	void anIdNumberKeepsItsFirstThreeAndLastFourCharacters() {
		assertThat(Masking.idNumber("45010219900101123X")).isEqualTo("450****123X");
	}

	@Test
	void aNameKeepsOnlyTheSurname() {
		assertThat(Masking.name("张三丰")).isEqualTo("张*");
		assertThat(Masking.name("𠮷野家")).isEqualTo("𠮷*");
	}

	@Test
	void aPhoneNumberKeepsItsFirstThreeAndLastFourDigits() {
		assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
	}

	@Test
	void aValueTooShortToKeepBothEndsIsAllStars() {
		assertThat(Masking.phone("1234567")).isEqualTo("****");
	}

	@Test
	void idNumbersAndMobilesInsideFreeTextAreMasked() {
		String text = "申请人身份证110101199003074477，电话13812345678";

		assertThat(Masking.personalData(text)).isEqualTo("申请人身份证110****4477，电话138****5678");
	}

	@Test
	void aCaseNumberThatIsNotAValidIdNumberIsLeftAlone() {
		assertThat(Masking.personalData("办件编号 110101199003074478")).isEqualTo("办件编号 110101199003074478");
		assertThat(Masking.personalData("SL13812345678")).isEqualTo("SL13812345678");
	}
}
