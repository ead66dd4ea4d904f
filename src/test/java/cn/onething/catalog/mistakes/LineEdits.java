package cn.onething.catalog.mistakes;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Edits of a text file by line number (from 1), as an editor makes them; and the random picks mistakes use. */
final class LineEdits {

	private LineEdits() {
	}

	static String replace(String text, int line, String replacement) {
		List<String> lines = new ArrayList<>(text.lines().toList());
		lines.set(line - 1, replacement);
		return join(lines);
	}

	/** Removes lines {@code from} to {@code to}, both included. */
	static String remove(String text, int from, int to) {
		List<String> lines = new ArrayList<>(text.lines().toList());
		lines.subList(from - 1, to).clear();
		return join(lines);
	}

	/** Inserts {@code added} after line {@code line} (0 inserts at the top). */
	static String insertAfter(String text, int line, List<String> added) {
		List<String> lines = new ArrayList<>(text.lines().toList());
		lines.addAll(line, added);
		return join(lines);
	}

	static String line(String text, int line) {
		return text.lines().skip(line - 1).findFirst().orElseThrow();
	}

	static int lineCount(String text) {
		return (int) text.lines().count();
	}

	private static String join(List<String> lines) {
		return String.join("\n", lines) + "\n";
	}

	static <T> T pick(Random random, List<T> choices) {
		if (choices.isEmpty()) {
			throw new IllegalStateException("the fixture offers nothing to break this way");
		}
		return choices.get(random.nextInt(choices.size()));
	}

	/** A made-up lower-case word, for ids and folder names that exist nowhere in the fixture. */
	static String word(Random random) {
		StringBuilder word = new StringBuilder();
		int length = 4 + random.nextInt(5);
		for (int i = 0; i < length; i++) {
			word.append((char) ('a' + random.nextInt(26)));
		}
		return word.toString();
	}
}
