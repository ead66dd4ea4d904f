package cn.onething.platform;

/**
 * Why one value of the platform's payload cannot be used: the block (AUDIT_ITEM, AUDIT_MATERIAL[2]...) of which
 * item, the field, the value as received, and the reason in Chinese.
 */
public record ItemProblem(String item, String block, String field, String value, String reason) {

	@Override
	public String toString() {
		return item + " " + block + "." + field + " = “" + value + "”: " + reason;
	}
}
