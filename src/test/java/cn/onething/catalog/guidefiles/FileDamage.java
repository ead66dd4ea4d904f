package cn.onething.catalog.guidefiles;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Damage without a plan, as a bad merge, a cut-off upload or a stray keystroke leaves a file: the damaged text may
 * be anything, so only the reader's promises that hold for any input can be checked against it.
 */
final class FileDamage {

	/** Characters that mean something to YAML, and the ones editors slip in. */
	private static final List<String> STRAY = List.of(":", ": ", "-", "- ", "[", "]", "{", "}", "\"", "'", "|", ">",
			"&a", "*a", "!", "!!binary ", "%", "@", "`", "#", "\t", "\n", "\n  ", ",", "？", "：", "\u0000", "\uFEFF");

	private FileDamage() {
	}

	static String random(Random random, String text) {
		return switch (random.nextInt(5)) {
			case 0 -> text.substring(0, random.nextInt(text.length()));
			case 1 -> withLines(text, lines -> lines.remove(random.nextInt(lines.size())));
			case 2 -> withLines(text, lines -> lines.add(random.nextInt(lines.size()), lines.get(random.nextInt(lines.size()))));
			case 3 -> withLines(text, lines -> Collections.swap(lines, random.nextInt(lines.size()), random.nextInt(lines.size())));
			default -> {
				StringBuilder damaged = new StringBuilder(text);
				for (int i = 1 + random.nextInt(3); i > 0; i--) {
					damaged.insert(random.nextInt(damaged.length() + 1), STRAY.get(random.nextInt(STRAY.size())));
				}
				yield damaged.toString();
			}
		};
	}

	private static String withLines(String text, Consumer<List<String>> edit) {
		List<String> lines = new ArrayList<>(text.lines().toList());
		edit.accept(lines);
		return String.join("\n", lines) + "\n";
	}
}
