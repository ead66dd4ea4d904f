package cn.onething.catalog.mistakes;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import cn.onething.catalog.GuideFolderFixture;
import cn.onething.shared.yaml.Problem;

/**
 * One mistake an editor could make in a valid guides folder: the files it writes (or deletes) and where the
 * validator must report it. The expected place is worked out from the edit itself, never from the validator.
 */
public record Mistake(String kind, String description, Map<String, byte[]> writes, List<String> deletes,
		String path, int line, String field) {

	public static Mistake ofText(String kind, String description, String file, String content, int line,
			String field) {
		return new Mistake(kind, description, Map.of(file, content.getBytes(StandardCharsets.UTF_8)), List.of(), file,
				line, field);
	}

	/** The same edit, expected to be reported elsewhere (the mistake shows in another file than the one edited). */
	public Mistake at(String reportedPath, int reportedLine, String reportedField) {
		return new Mistake(kind, description, writes, deletes, reportedPath, reportedLine, reportedField);
	}

	public GuideFolderFixture applyTo(GuideFolderFixture folder) {
		deletes.forEach(folder::delete);
		writes.forEach(folder::write);
		return folder;
	}

	/** True when one of {@code problems} names this mistake's file, line and field. */
	public boolean isReportedIn(List<Problem> problems) {
		return problems.stream().anyMatch(p -> p.path().equals(path) && p.line() == line && p.field().equals(field));
	}

	/** What a person reading a failure needs: the mistake and where it should have been reported. */
	@Override
	public String toString() {
		return kind + " (" + description + "), expected at " + path + ":" + line + ": " + field;
	}
}
