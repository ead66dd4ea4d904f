package cn.onething.shared.yaml;

/** One mistake in a file of the guides folder, printed the way editors and compilers print them. */
public record Problem(String path, int line, String field, String message) {

	@Override
	public String toString() {
		return path + ":" + line + ": " + field + ": " + message;
	}
}
