package cn.onething.casework;

/** A material file as received, before its type is checked by content. */
public record Upload(String materialKey, String fileName, byte[] content) {

	@Override
	public String toString() {
		return "Upload[" + materialKey + ", " + content.length + " bytes]";
	}
}
