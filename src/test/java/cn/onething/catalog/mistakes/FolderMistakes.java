package cn.onething.catalog.mistakes;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import cn.onething.catalog.GuideFolderFixture;

import static cn.onething.catalog.mistakes.LineEdits.pick;
import static cn.onething.catalog.mistakes.LineEdits.word;

/** Mistakes that involve more than one file of the folder: domains, departments, and codes across items. */
final class FolderMistakes {

	private static final Pattern DOMAIN_ID = Pattern.compile("\\{id: ([a-z-]+),");
	private static final Pattern CREDIT_CODE = Pattern.compile("code: ([0-9A-Z]{18})");
	/** GB 32100-2015: the characters a unified social credit code may use (no I, O, S, V, Z). */
	private static final String CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private FolderMistakes() {
	}

	/** An item file put in a folder that is no domain of domains.yaml: the folder is the item's domain. */
	static Mistake folderThatIsNoDomain(Random random, GuideFolderFixture valid, String itemFile) {
		String folder = word(random);
		String moved = folder + "/" + itemFile.substring(itemFile.indexOf('/') + 1);
		return new Mistake("unknown domain folder", itemFile + " moved to " + moved,
				Map.of(moved, valid.read(itemFile).getBytes(StandardCharsets.UTF_8)), List.of(itemFile), moved, 1, "domain");
	}

	/** The domain's id changed in domains.yaml, so its folder (and the items in it) belong to no domain. */
	static Mistake domainIdRenamed(Random random, GuideFolderFixture valid, String itemFile) {
		String domain = itemFile.substring(0, itemFile.indexOf('/'));
		String renamed = domain + "-" + word(random);
		String domains = valid.read("domains.yaml").replace("{id: " + domain + ",", "{id: " + renamed + ",");
		return Mistake.ofText("unknown domain id", "domains.yaml renames " + domain + " to " + renamed, "domains.yaml",
				domains, 1, "domain").at(itemFile, 1, "domain");
	}

	/** A copy of an item under another name: the second file in reading order repeats the first one's code. */
	static Mistake repeatedCode(Random random, GuideFolderFixture valid, String itemFile) {
		List<String> domains = DOMAIN_ID.matcher(valid.read("domains.yaml")).results().map(m -> m.group(1)).toList();
		String copy = pick(random, domains) + "/" + word(random) + ".yaml";
		String text = valid.read(itemFile);
		String second = copy.compareTo(itemFile) > 0 ? copy : itemFile;
		int codeLine = ItemFileOutline.of(text).field("code").orElseThrow().line();
		return Mistake.ofText("repeated code", itemFile + " copied to " + copy, copy, text, codeLine, "code")
				.at(second, codeLine, "code");
	}

	/** One character of a department's credit code mistyped, or the code cut or lengthened by one. */
	static Mistake mistypedCreditCode(Random random, GuideFolderFixture valid, String itemFile) {
		String departments = valid.read("departments.yaml");
		List<String> lines = departments.lines().toList();
		int line = 1 + pick(random, IntStream.range(0, lines.size())
				.filter(i -> CREDIT_CODE.matcher(lines.get(i)).find()).boxed().toList());
		Matcher code = CREDIT_CODE.matcher(lines.get(line - 1));
		code.find();
		String valid18 = code.group(1);
		String broken = switch (random.nextInt(3)) {
			case 0 -> valid18.substring(0, 17);
			case 1 -> valid18 + pick(random, List.of("0", "A", "9"));
			default -> {
				int at = random.nextInt(18);
				char other;
				do {
					other = CREDIT_CHARS.charAt(random.nextInt(CREDIT_CHARS.length()));
				}
				while (other == valid18.charAt(at));
				yield valid18.substring(0, at) + other + valid18.substring(at + 1);
			}
		};
		return Mistake.ofText("mistyped credit code", valid18 + " became " + broken, "departments.yaml",
				LineEdits.replace(departments, line, lines.get(line - 1).replace(valid18, broken)), line, "code");
	}
}
