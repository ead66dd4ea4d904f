package cn.onething.casework;

/**
 * A material file as received, before its type is checked by content. The file name is only ever shown (staff see
 * it, a download suggests it), so what the sender's system called it is kept as a display name: without the folders
 * before it and without control or formatting characters (NUL, line breaks, right-to-left overrides).
 */
public record Upload(String materialKey, String fileName, byte[] content) {

	/** Files are sent, and their problems reported, under {@code material.<material key>}. */
	public static final String FIELD_PREFIX = "material.";

	static final int MAX_NAME_LENGTH = 120;
	static final String UNNAMED = "未命名文件";

	public Upload {
		fileName = displayName(fileName);
	}

	static String displayName(String sent) {
		String name = sent == null ? "" : sent.substring(Math.max(sent.lastIndexOf('/'), sent.lastIndexOf('\\')) + 1);
		StringBuilder shown = new StringBuilder();
		name.codePoints()
				.filter(c -> Character.getType(c) != Character.CONTROL && Character.getType(c) != Character.FORMAT)
				.limit(MAX_NAME_LENGTH)
				.forEach(shown::appendCodePoint);
		String stripped = shown.toString().strip();
		return stripped.isEmpty() || stripped.equals(".") || stripped.equals("..") ? UNNAMED : stripped;
	}

	public String field() {
		return FIELD_PREFIX + materialKey;
	}

	@Override
	public String toString() {
		return "Upload[" + materialKey + ", " + content.length + " bytes]";
	}
}
