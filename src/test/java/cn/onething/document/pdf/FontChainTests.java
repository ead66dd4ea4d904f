package cn.onething.document.pdf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped fonts print everything the catalogue may hold, and say so when they cannot. */
class FontChainTests {

	private final FontChain fonts = FontChain.shipped();

	@Test
	void everyCharacterInAnyFileOfTheGuidesFolderHasAFont() throws IOException {
		TreeSet<Integer> used = new TreeSet<>();
		try (Stream<Path> files = Files.walk(Path.of("guides"))) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Files.readString(file, StandardCharsets.UTF_8).codePoints().forEach(used::add);
			}
		}
		used.removeAll(List.of((int) '\n', (int) '\r', (int) '\t'));

		assertThat(used).hasSizeGreaterThan(1000)
				.filteredOn(codePoint -> fonts.fontFor(codePoint) == FontChain.NONE)
				.as("characters without a font").isEmpty();
	}

	@Test
	void commonTextTakesTheCompactSansSerif() {
		"出生登记，第 12 页（ABC）".codePoints().forEach(c -> assertThat(fonts.fontFor(c)).isZero());
	}

	@Test
	void ballotBoxesAndRareNameCharactersTakeAFallbackFont() {
		for (int codePoint : new int[] { '☑', '☐', 0x4DAE /* 䶮, Extension A */, 0x2000B /* 𠀋, Extension B */,
				0x2A6D6 /* the last of Extension B */, 0x2B740 /* Extension D */ }) {
			assertThat(fonts.fontFor(codePoint)).as("U+%04X", codePoint).isPositive();
		}
	}

	@Test
	void privateUseAndUnassignedCodePointsHaveNoFont() {
		assertThat(fonts.fontFor(0xE000)).isEqualTo(FontChain.NONE);
		assertThat(fonts.fontFor(0x0378)).isEqualTo(FontChain.NONE);
	}
}
