package cn.onething.casework;

import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.onething.casework.model.CaseTerms;
import cn.onething.casework.model.StepPlan;

/** Terms of a small newborn bundle: birth registration (公安) and insurance (医保), in parallel or in series. */
public final class TermsFixture {

	private TermsFixture() {
	}

	/** The same two items in series: insurance (医保) waits for the birth registration (公安). */
	public static CaseTerms serialTerms() {
		return new CaseTerms("newborn", "新生儿出生一件事", 1, List.of(
				new StepPlan("hukou", "出生登记", "public-security", List.of("000707001000"), List.of()),
				new StepPlan("insurance", "医保参保", "medical-security", List.of("002040416000"), List.of("hukou"))),
				5, true, Map.of("birth-certificate", "出生医学证明", "household-register", "居民户口簿"),
				Set.of(), "451421", 10, 5);
	}

	public static CaseTerms parallelTerms() {
		return new CaseTerms("newborn", "新生儿出生一件事", 1, List.of(
				new StepPlan("hukou", "出生登记", "public-security", List.of("000707001000"), List.of()),
				new StepPlan("insurance", "医保参保", "medical-security", List.of("002040416000"), List.of())),
				5, true, Map.of("birth-certificate", "出生医学证明", "household-register", "居民户口簿"),
				Set.of(), "451421", 10, 5);
	}
}
