package cn.onething.catalog.model;

import java.time.LocalDate;
import java.util.List;

/**
 * The public description of one service item (办事指南) with the national guide elements. The 12-digit basic code
 * identifies the item across versions.
 */
public record Guide(
		String code,
		String name,
		List<String> aliases,
		ItemType type,
		String domainId,
		Department department,
		List<String> serviceObjects,
		int useLevel,
		List<LegalBasis> legalBasis,
		String conditions,
		List<Material> materials,
		List<ProcessStep> process,
		TimeLimit timeLimit,
		List<SpecialProcedure> specialProcedures,
		int visits,
		String visitsNote,
		Fees fees,
		List<ServiceWindow> windows,
		String contact,
		String complaint,
		List<Faq> faq,
		String onlineUrl,
		LocalDate effectiveDate,
		Disclosure disclosure) {

	/** 实施编码: the department's credit code, the level at which it acts, and the basic code (31 characters). */
	public String implementationCode() {
		return department.code() + useLevel + code;
	}

	public record LegalBasis(String law, String article, String text) {
	}

	public record ProcessStep(String name, String description, List<String> materials) {
	}

	/** Working days; the committed limit (承诺时限) never exceeds the statutory one (法定时限). */
	public record TimeLimit(int statutory, int committed, String kind, String note) {
	}

	/** 特别程序: hearing, testing, expert review... not counted in the time limit (行政许可法 §45). */
	public record SpecialProcedure(String name, int limit, String note) {
	}

	public record Fees(boolean charged, List<FeeItem> items, String basis) {
	}

	public record FeeItem(String name, String amount) {
	}

	public record ServiceWindow(String name, String address, String hours, String phone) {
	}

	public record Faq(String q, String a) {
	}
}
