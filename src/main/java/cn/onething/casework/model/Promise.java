package cn.onething.casework.model;

import java.time.LocalDate;
import java.util.List;

/** 容缺受理: the applicant's signed promise to supply secondary materials by a date. */
public record Promise(List<String> materialKeys, LocalDate supplyBy, String signature, boolean fulfilled) {

	public Promise {
		materialKeys = List.copyOf(materialKeys);
	}
}
