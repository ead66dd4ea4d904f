package cn.onething.casework;

/** A material file as received, before its type is checked by content. */
public record Upload(String materialKey, String fileName, byte[] content) {

	/** Files are sent, and their problems reported, under {@code material.<material key>}. */
	public static final String FIELD_PREFIX = "material.";

	public String field() {
		return FIELD_PREFIX + materialKey;
	}

	@Override
	public String toString() {
		return "Upload[" + materialKey + ", " + content.length + " bytes]";
	}
}
