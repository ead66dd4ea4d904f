package cn.onething.catalog.mistakes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import cn.onething.catalog.GuideFolderFixture;

/**
 * Generates one random mistake in a valid guides folder, of one of many kinds (a property-style generator on a
 * seeded {@link Random}, so that a seed reproduces a failure). Kinds come in shuffled rounds, so every kind is
 * tried in each round whatever the seed.
 */
public final class Mistakes {

	/** Makes a mistake of one kind from a valid folder and the item file to break (or to start from). */
	@FunctionalInterface
	interface Maker {
		Mistake make(Random random, GuideFolderFixture valid, String itemFile);
	}

	/** A kind of mistake; one that stays inside the item file can be combined with others in other files. */
	record Kind(boolean inItemFile, Maker maker) {
	}

	static final List<Kind> KINDS = List.of(
			inFile(ItemFieldMistakes::missingRequiredField),
			inFile(ItemFieldMistakes::valueOutOfRange),
			inFile(ItemFieldMistakes::malformedBasicCode),
			inFile(ItemFieldMistakes::timeLimitNotPositiveWholeDays),
			inFile(ItemFieldMistakes::misspeltField),
			inFile(ItemFieldMistakes::invisibleCharacter),
			inFile(ItemFieldMistakes::valueOutsideItsList),
			inFile(ItemFieldMistakes::undefinedMaterial),
			inFile(ItemFieldMistakes::repeatedMaterialId),
			inFile(ItemFieldMistakes::specialProcedureLimit),
			inFile(YamlSyntaxMistakes::tabIndentation),
			inFile(YamlSyntaxMistakes::unclosedQuote),
			inFile(YamlSyntaxMistakes::unclosedBracket),
			inFile(YamlSyntaxMistakes::missingColon),
			inFile(YamlSyntaxMistakes::indentationOffByOne),
			inFile(YamlSyntaxMistakes::savedAsGbk),
			new Kind(false, FolderMistakes::folderThatIsNoDomain),
			new Kind(false, FolderMistakes::domainIdRenamed),
			new Kind(false, FolderMistakes::repeatedCode),
			new Kind(false, FolderMistakes::mistypedCreditCode));

	private final Random random;
	private final GuideFolderFixture valid;
	private final List<Kind> round = new ArrayList<>();

	public Mistakes(long seed, GuideFolderFixture valid) {
		this.random = new Random(seed);
		this.valid = valid;
	}

	/** The next mistake: a kind from the current round, in a random item file. */
	public Mistake next() {
		if (round.isEmpty()) {
			round.addAll(KINDS);
			Collections.shuffle(round, random);
		}
		return make(round.remove(0), LineEdits.pick(random, valid.itemFiles()));
	}

	/** One mistake of each kind, in the order of {@link #KINDS}. */
	public List<Mistake> oneOfEachKind() {
		return KINDS.stream().map(kind -> make(kind, LineEdits.pick(random, valid.itemFiles()))).toList();
	}

	/**
	 * Every field of every item file misspelt in turn: a field whose unknown keys went unchecked would drop what
	 * an editor wrote without a word, and a random pick may miss the one field that does.
	 */
	public List<Mistake> everyFieldMisspelt() {
		return valid.itemFiles().stream().flatMap(file -> ItemFileOutline.of(valid.read(file)).fields().stream()
				.map(field -> ItemFieldMistakes.misspelt(random, file, valid.read(file), field))).toList();
	}

	/** A mistake that edits only {@code itemFile}, so that several can be made in one folder. */
	public Mistake inItemFile(String itemFile) {
		return make(LineEdits.pick(random, KINDS.stream().filter(Kind::inItemFile).toList()), itemFile);
	}

	private Mistake make(Kind kind, String itemFile) {
		return kind.maker().make(random, valid, itemFile);
	}

	private static Kind inFile(TextMaker maker) {
		return new Kind(true, (random, valid, file) -> maker.make(random, file, valid.read(file)));
	}

	@FunctionalInterface
	private interface TextMaker {
		Mistake make(Random random, String file, String text);
	}
}
