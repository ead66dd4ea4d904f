package cn.onething.catalog.model;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** 事项类型 with the two-digit code used in the basic code (基本编码) of an item. */
public enum ItemType {
	LICENSING("01", "行政许可"),
	PENALTY("02", "行政处罚"),
	ENFORCEMENT("03", "行政强制"),
	LEVY("04", "行政征收"),
	BENEFIT("05", "行政给付"),
	INSPECTION("06", "行政检查"),
	CONFIRMATION("07", "行政确认"),
	REWARD("08", "行政奖励"),
	ADJUDICATION("09", "行政裁决"),
	OTHER_POWER("10", "其他行政权力"),
	PUBLIC_SERVICE("20", "公共服务");

	private final String code;
	private final String label;

	ItemType(String code, String label) {
		this.code = code;
		this.label = label;
	}

	public String code() {
		return code;
	}

	@JsonValue
	public String label() {
		return label;
	}

	public static Optional<ItemType> byLabel(String label) {
		return Arrays.stream(values()).filter(t -> t.label.equals(label)).findFirst();
	}

	@JsonCreator
	static ItemType fromLabel(String label) {
		return byLabel(label).orElseThrow(() -> new IllegalArgumentException("unknown item type " + label));
	}
}
