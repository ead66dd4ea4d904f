package cn.onething.platform.internal;

import cn.onething.casework.Applicant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Only an organisation's credit code leaves in full; every other number leaves masked, valid or not. */
class ReportedApplicantTests {

	@ParameterizedTest(name = "{0} → type {1}, id type {2}, {3}")
	@CsvSource({
			// a resident ID with a birth date: a person, masked
			"110105194912310029, 1, 111, 110***************",
			// a company's credit code with its right check character (GB 32100): named in full
			"91350100M000100Y43, 2, 001, 91350100M000100Y43",
			// the same code with a wrong check character: nobody can tell what it is, so it is masked
			"91350100M000100Y44, 1, 999, 913***************",
			// an ID mistyped into an impossible birth date reads like neither: masked
			"451421199913450011, 1, 999, 451***************",
			// a passport number: masked
			"E12345678, 1, 999, E12******" })
	void onlyAnOrganisationIsNamedInFull(String id, String type, String idType, String shown) {
		ReportedApplicant reported = ReportedApplicant.of(new Applicant("扶绥县某某有限公司", id, "13800000000"));

		assertThat(reported.type()).isEqualTo(type);
		assertThat(reported.idType()).isEqualTo(idType);
		assertThat(reported.idNumber()).isEqualTo(shown);
		assertThat(reported.name()).isEqualTo(type.equals("2") ? "扶绥县某某有限公司" : "扶********");
	}
}
