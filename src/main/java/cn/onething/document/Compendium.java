package cn.onething.document;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A printed Service Guide Compendium (《办事指南一本通》): the PDF and what a publisher should know about it.
 * {@code catalogVersion} and {@code bundlesVersion} are the catalogue and bundle imports it was printed from: bundles
 * are imported and versioned apart from the catalogue, and the one-thing pages print them. {@code missingCharacters} lists every character no shipped font has; each is printed as 〓 so a proof-reader
 * sees the gap, and the guide where it occurs is named so an editor can fix or report it.
 */
public record Compendium(byte[] pdf, int pageCount, String title, long catalogVersion, long bundlesVersion,
		CompendiumSelection selection, List<MissingCharacter> missingCharacters) {

	public Compendium {
		missingCharacters = List.copyOf(missingCharacters);
	}

	/** A character no font in the chain can print, and where it occurs (guide names, or 封面/目录/附录). */
	public record MissingCharacter(int codePoint, List<String> places) {

		public MissingCharacter {
			places = List.copyOf(places);
		}

		@Override
		public String toString() {
			return String.format("U+%04X", codePoint) + places.stream().collect(Collectors.joining("、", "（", "）"));
		}
	}
}
