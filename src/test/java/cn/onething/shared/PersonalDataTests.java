package cn.onething.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataTests {

	@Test
	void aNameKeepsOnlyItsFirstCharacter() {
		assertThat(PersonalData.maskName("张三丰")).isEqualTo("张**");
		assertThat(PersonalData.maskName("𠀋明")).isEqualTo("𠀋*");
	}

	@Test
	void anIdNumberKeepsItsRegionPrefixAndLastFour() {
		assertThat(PersonalData.maskIdNumber("45142119900101123X")).isEqualTo("451***********123X");
	}

	@Test
	void aPhoneKeepsItsFirstThreeAndLastFourDigits() {
		assertThat(PersonalData.maskPhone("13812345678")).isEqualTo("138****5678");
	}

	@Test
	void forOthersThanTheApplicantAPhoneKeepsNoneOfTheDigitsThatOpenTheProgressPage() {
		assertThat(PersonalData.maskPhoneEnd("13812345678")).isEqualTo("138********");
	}

	@Test
	void forOthersThanTheApplicantAnIdNumberKeepsOnlyItsRegionPrefix() {
		assertThat(PersonalData.maskIdNumberEnd("45142119900101123X")).isEqualTo("451***************");
	}

	@Test
	void missingOrShortValuesRevealNothing() {
		assertThat(PersonalData.maskIdNumber("123")).isEqualTo("****");
		assertThat(PersonalData.maskPhone(null)).isEqualTo("****");
		assertThat(PersonalData.maskPhoneEnd("138")).isEqualTo("****");
		assertThat(PersonalData.maskIdNumberEnd(null)).isEqualTo("****");
		assertThat(PersonalData.maskName(" ")).isEmpty();
	}
}
