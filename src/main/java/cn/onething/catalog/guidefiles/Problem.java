package cn.onething.catalog.guidefiles;

import org.springframework.modulith.NamedInterface;

/** One mistake in the guides folder, printed the way editors and compilers print them. */
@NamedInterface("guidefiles")
public record Problem(String path, int line, String field, String message) {

	@Override
	public String toString() {
		return path + ":" + line + ": " + field + ": " + message;
	}
}
