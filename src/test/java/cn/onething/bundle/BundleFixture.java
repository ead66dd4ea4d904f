package cn.onething.bundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.onething.catalog.CatalogSnapshot;
import cn.onething.catalog.guidefiles.GuideFolder;
import cn.onething.catalog.guidefiles.GuideFolderReader;
import cn.onething.catalog.model.Guide;
import cn.onething.catalog.model.Material;

/**
 * The shipped catalogue as a snapshot, and a small valid bundle file (退休: three items, serial steps) written into
 * a temporary guides folder, with helpers to break it in one place the way an editor might.
 */
public final class BundleFixture {

	public static final String FILE = "bundles/retirement.yaml";

	public static final String RETIREMENT = """
			id: test-retirement
			name: 退休一件事
			description: 退休审批后封存、提取住房公积金。
			leadDepartment: human-resources
			committedLimit: 15
			partialOutcomes: true
			items:
			  - code: "000513419000"
			    fields:
			      - {key: applicant.name, label: 姓名, type: text, maxLength: 30}
			      - {key: applicant.idNumber, label: 身份证号码, type: idNumber}
			      - {key: retirement.date, label: 申请退休日期, type: date}
			  - code: "002041420000"
			    fields:
			      - key: applicant.name
			  - code: "002041421000"
			    fields:
			      - key: applicant.idNumber
			      - {key: applicant.phone, label: 手机号码, type: mobile, required: false}
			sharedMaterials:
			  - key: retirement-proof
			    materials:
			      - {item: "002041420000", material: termination-proof}
			      - {item: "002041421000", material: retirement-proof}
			plan:
			  - id: retire
			    name: 退休审批
			    department: human-resources
			    items: ["000513419000"]
			  - id: seal
			    name: 公积金封存
			    department: housing-fund
			    items: ["002041420000"]
			    dependsOn: [retire]
			  - id: withdraw
			    name: 公积金提取
			    department: housing-fund
			    items: ["002041421000"]
			    dependsOn: [seal]
			""";

	private static CatalogSnapshot shipped;

	private final Path root;

	private BundleFixture(Path root) {
		this.root = root;
	}

	/** The catalogue of the shipped guides/ folder, read once per test run. */
	public static synchronized CatalogSnapshot shippedCatalogue() {
		if (shipped == null) {
			GuideFolder folder = GuideFolderReader.read(Path.of("guides"));
			shipped = new CatalogSnapshot(1, Instant.now(), folder.hall(), folder.domains(), folder.departments(),
					folder.guides().stream().map(GuideFolder.SourcedGuide::guide).toList(), Map.of());
		}
		return shipped;
	}

	public static BundleFixture retirementIn(Path guidesDir) {
		return new BundleFixture(guidesDir).write(FILE, RETIREMENT);
	}

	public Path root() {
		return root;
	}

	public String read(String file) {
		try {
			return Files.readString(root.resolve(file));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public BundleFixture write(String file, String content) {
		try {
			Files.createDirectories(root.resolve(file).getParent());
			Files.writeString(root.resolve(file), content, StandardCharsets.UTF_8);
			return this;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Replaces the first occurrence of {@code text}, failing loudly if the file no longer contains it. */
	public BundleFixture replace(String text, String replacement) {
		String content = read(FILE);
		if (!content.contains(text)) {
			throw new IllegalArgumentException(FILE + " does not contain " + text);
		}
		return write(FILE, content.replaceFirst(Pattern.quote(text), Matcher.quoteReplacement(replacement)));
	}

	/** The 1-based line of the first line containing {@code text}. */
	public int lineOf(String text) {
		List<String> lines = read(FILE).lines().toList();
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).contains(text)) {
				return i + 1;
			}
		}
		throw new IllegalArgumentException(text + " not in " + FILE);
	}

	/** A guide with only what merging materials looks at. */
	public static Guide guide(String code, Material... materials) {
		return new Guide(code, "事项" + code, List.of(), null, "test", null, List.of(), 4, List.of(), "", List.of(materials),
				List.of(), null, List.of(), 0, null, null, List.of(), "", "", List.of(), null, null, null);
	}

	public static Material material(String id, int original, int copies, String form, boolean required, String condition) {
		return new Material(id, "材料" + id, original, copies, form, required, condition, "申请人自备", null, null, null);
	}
}
