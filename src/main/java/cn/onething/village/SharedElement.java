package cn.onething.village;

/**
 * The elements of a matter both a village and the county publish that must read the same at both levels
 * (相同事项公开内容一致): what is paid, by which standard, on which basis, by when.
 */
public enum SharedElement {
	AMOUNT("amount", "金额"),
	STANDARD("standard", "标准"),
	BASIS("basis", "依据"),
	DEADLINE("deadline", "截止时间");

	private final String key;
	private final String label;

	SharedElement(String key, String label) {
		this.key = key;
		this.label = label;
	}

	/** The key in guides/places/ files and the name of its form field. */
	public String key() {
		return key;
	}

	public String label() {
		return label;
	}
}
