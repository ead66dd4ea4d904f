package cn.onething.bundle;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The kinds of answer a combined-form field takes, named in bundle files as {@link #code()}. */
public enum FieldType {
	TEXT("text"),
	ID_NUMBER("idNumber"),
	MOBILE("mobile"),
	DATE("date"),
	NUMBER("number"),
	CHOICE("choice"),
	BOOLEAN("boolean");

	private final String code;

	FieldType(String code) {
		this.code = code;
	}

	@JsonValue
	public String code() {
		return code;
	}

	public static Optional<FieldType> byCode(String code) {
		return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
	}

	@JsonCreator
	static FieldType fromCode(String code) {
		return byCode(code).orElseThrow(() -> new IllegalArgumentException("unknown field type " + code));
	}
}
