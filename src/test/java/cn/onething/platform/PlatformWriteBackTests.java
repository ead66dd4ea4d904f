package cn.onething.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import cn.onething.catalog.CatalogSnapshot;
import cn.onething.catalog.GuideFolderFixture;
import cn.onething.catalog.guidefiles.GuideFolder;
import cn.onething.catalog.guidefiles.GuideFolderReader;
import cn.onething.catalog.model.Guide;
import cn.onething.platform.internal.PlatformReading;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The write-back command on a copy of the small guides folder with the fixture payloads: what it writes reads back
 * with the guide reader, without a problem, as exactly the change set the sync computes from the same payload; our
 * own additions survive; bad input writes nothing.
 */
class PlatformWriteBackTests {

	static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
	static final String BIRTH = GuideFolderFixture.BIRTH;
	static final String RESIDENCE_PERMIT = "household-registration/000707410000.yaml";
	static final String ORPHAN = "social-assistance/450511709000.yaml";

	@TempDir
	Path work;

	Path guides;
	final ByteArrayOutputStream printed = new ByteArrayOutputStream();

	@BeforeEach
	void ourFolder() {
		guides = GuideFolderFixture.copyInto(work.resolve("guides")).root();
	}

	@Test
	void theFirstPayloadIsWrittenAsTheSyncsChangeSetAndReadsBackWithoutProblems() {
		GuideFolder before = GuideFolderReader.read(guides);
		ChangeSet expected = syncChangeSet(before, "fusui-items.json");

		assertThat(writeBack("fusui-items.json")).isZero();

		GuideFolder after = GuideFolderReader.read(guides);
		assertThat(after.problems()).isEmpty();
		assertThat(Files.exists(guides.resolve(RESIDENCE_PERMIT))).isTrue();
		assertThat(Files.exists(guides.resolve(ORPHAN))).isTrue();
		ChangeSet written = ChangeSet.between(guidesOf(before), guidesOf(after));
		assertThat(written.added()).isEqualTo(expected.added()).extracting(ChangeSet.Entry::name)
				.containsExactly("居住证申领", "孤儿基本生活费发放");
		assertThat(written.changed()).isEqualTo(expected.changed());
		assertThat(written.withdrawn()).isEqualTo(expected.withdrawn()).isEmpty();
		assertThat(output()).contains("新增 2 项", "+ 000707410000 居住证申领 → " + RESIDENCE_PERMIT, "无法对应到指南的平台字段");
	}

	@Test
	void aChangedPayloadRewritesOnlyWhatChangedKeepsOurAdditionsAndRemovesWithdrawnItems() throws IOException {
		assertThat(writeBack("fusui-items.json")).isZero();
		Path permit = guides.resolve(RESIDENCE_PERMIT);
		// an editor adds aliases to the guide the platform brought in
		Files.writeString(permit, Files.readString(permit).replace("name: 居住证申领\n", "name: 居住证申领\naliases: [办居住证, 暂住证]\n"));
		GuideFolder before = GuideFolderReader.read(guides);
		Guide ourBirth = guide(before, "000707001000");
		ChangeSet expected = syncChangeSet(before, "fusui-items-changed.json");
		Map<String, String> filesBefore = files();

		assertThat(writeBack("fusui-items-changed.json")).isZero();

		GuideFolder after = GuideFolderReader.read(guides);
		assertThat(after.problems()).isEmpty();
		ChangeSet written = ChangeSet.between(guidesOf(before), guidesOf(after));
		assertThat(written.added()).isEqualTo(expected.added()).extracting(ChangeSet.Entry::code).containsExactly("000707411000");
		assertThat(written.withdrawn()).isEqualTo(expected.withdrawn()).extracting(ChangeSet.Entry::code)
				.containsExactly("450511709000");
		assertThat(written.changed()).isEqualTo(expected.changed()).isNotEmpty();
		assertThat(Files.exists(guides.resolve(ORPHAN))).isFalse();

		Guide birth = guide(after, "000707001000");
		assertThat(birth.aliases()).isEqualTo(ourBirth.aliases()).isNotEmpty();
		assertThat(birth.process()).isEqualTo(ourBirth.process());
		assertThat(birth.disclosure()).isEqualTo(ourBirth.disclosure());
		Guide residencePermit = guide(after, "000707410000");
		assertThat(residencePermit.timeLimit().committed()).as("the platform's change").isEqualTo(7);
		assertThat(residencePermit.aliases()).as("ours, kept").containsExactly("办居住证", "暂住证");
		// the platform's FAQ differs from ours: a conflict, not written
		assertThat(expected.conflicts()).extracting(ChangeSet.Conflict::field).contains("常见问题");
		assertThat(birth.faq()).isEqualTo(ourBirth.faq()).isNotEmpty();
		assertThat(output()).contains("冲突", "常见问题", "请人工处理", "撤销 1 项", "- 450511709000");

		Map<String, String> filesAfter = files();
		Map<String, String> touched = new TreeMap<>();
		filesAfter.forEach((path, text) -> {
			if (!text.equals(filesBefore.get(path))) {
				touched.put(path, text);
			}
		});
		Stream.concat(written.added().stream().map(ChangeSet.Entry::code),
				written.changed().stream().map(ChangeSet.Changed::code)).forEach(code -> assertThat(touched.keySet())
				.anySatisfy(path -> assertThat(filesAfter.get(path)).contains("code: \"" + code + "\"")));
		assertThat(touched).hasSize(written.added().size() + written.changed().size());
	}

	@Test
	void theSamePayloadTwiceRewritesNothing() {
		assertThat(writeBack("fusui-items.json")).isZero();
		Map<String, String> first = files();
		printed.reset();

		assertThat(writeBack("fusui-items.json")).isZero();

		assertThat(files()).isEqualTo(first);
		assertThat(output()).contains("没有改动任何文件", "已写入 0 个文件，删除 0 个文件");
	}

	@Test
	void aBrokenPayloadWritesNothingAndListsItsProblems() {
		Map<String, String> before = files();

		assertThat(writeBack("fusui-items-broken.json")).isEqualTo(1);

		assertThat(files()).isEqualTo(before);
		assertThat(output()).contains("平台数据有", "未写入任何内容", "AUDIT_ITEM");
	}

	@Test
	void aTruncatedPayloadWritesNothing() throws IOException {
		String text = PlatformStandIn.fixtureText("fusui-items.json");
		Path payload = work.resolve("truncated.json");
		Files.writeString(payload, text.substring(0, text.length() / 2));
		Map<String, String> before = files();

		assertThat(PlatformWriteBack.run(payload, guides, TODAY, printer())).isEqualTo(1);

		assertThat(files()).isEqualTo(before);
		assertThat(output()).contains("不是完整的 JSON");
	}

	/**
	 * The platform renames a material our process steps name by id: the mapped guide gets a new id, and the folder it
	 * would make fails the guide reader; nothing is written.
	 */
	@Test
	void aResultTheGuideReaderWouldRefuseWritesNothing() throws IOException {
		Path payload = work.resolve("renamed.json");
		Files.writeString(payload, PlatformStandIn.fixtureText("fusui-items.json")
				.replace("\"material_name\": \"出生医学证明\"", "\"material_name\": \"出生医学证明（含电子证照）\""));
		Map<String, String> before = files();

		assertThat(PlatformWriteBack.run(payload, guides, TODAY, printer())).isEqualTo(1);

		assertThat(files()).isEqualTo(before);
		assertThat(output()).contains("写回后的指南目录会有问题", BIRTH + ":", "process[0].materials", "birth-certificate");
	}

	/** On the shipped folder, whose one-thing bundles name materials by id: a renamed material a bundle names. */
	@Test
	void aResultWhoseBundlesWouldFailWritesNothing() throws IOException {
		Path shipped = work.resolve("shipped");
		GuideFolderFixture.copyFolder(Path.of("guides"), shipped);
		Path newborn = shipped.resolve("bundles/newborn.yaml");
		Files.writeString(newborn, Files.readString(newborn)
				.replace("{item: \"000707001000\", material: parents-id}", "{item: \"000707001000\", material: marriage-certificate}"));
		guides = shipped;
		assertThat(writeBack("fusui-items.json")).as("the bundle is valid before").isZero();
		Path payload = work.resolve("renamed.json");
		Files.writeString(payload, PlatformStandIn.fixtureText("fusui-items.json")
				.replace("\"material_name\": \"结婚证\"", "\"material_name\": \"结婚证或离婚证\""));
		Map<String, String> before = files();

		assertThat(PlatformWriteBack.run(payload, guides, TODAY, printer())).isEqualTo(1);

		assertThat(files()).isEqualTo(before);
		assertThat(output()).contains("写回后的指南目录会有问题", "bundles/newborn.yaml:", "marriage-certificate");
	}

	@Test
	void aMistypedCommandLineIsExitTwo() {
		assertThat(PlatformWriteBack.run(new String[0])).isEqualTo(2);
		assertThat(PlatformWriteBack.run(new String[] { "a.json", "guides", "more" })).isEqualTo(2);
	}

	@Test
	void aFolderWithProblemsIsRefusedWithItsProblems() throws IOException {
		Path birth = guides.resolve(BIRTH);
		Files.writeString(birth, Files.readString(birth).replace("type: 行政确认", "type: 行政确定"));
		Map<String, String> before = files();

		assertThat(writeBack("fusui-items.json")).isEqualTo(1);

		assertThat(files()).isEqualTo(before);
		assertThat(output()).contains("指南目录有问题", BIRTH + ":", "type", "不是事项类型");
	}

	private int writeBack(String fixture) {
		Path payload = work.resolve(fixture);
		try {
			Files.writeString(payload, PlatformStandIn.fixtureText(fixture));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return PlatformWriteBack.run(payload, guides, TODAY, printer());
	}

	/** What a sync of the same payload against the same catalogue would propose. */
	private static ChangeSet syncChangeSet(GuideFolder folder, String fixture) {
		CatalogSnapshot current = new CatalogSnapshot(0, Instant.EPOCH, folder.hall(), folder.domains(),
				folder.departments(), guidesOf(folder), Map.of());
		PlatformReading.Read read = PlatformReading.readPayload(PlatformStandIn.fixtureText(fixture), current, TODAY);
		assertThat(read.problems()).isEmpty();
		return read.proposal(current).changes();
	}

	private static java.util.List<Guide> guidesOf(GuideFolder folder) {
		return folder.guides().stream().map(GuideFolder.SourcedGuide::guide).toList();
	}

	private static Guide guide(GuideFolder folder, String code) {
		return guidesOf(folder).stream().filter(g -> g.code().equals(code)).findFirst().orElseThrow();
	}

	private Map<String, String> files() {
		try (Stream<Path> walk = Files.walk(guides)) {
			Map<String, String> files = new TreeMap<>();
			for (Path file : walk.filter(Files::isRegularFile).toList()) {
				files.put(guides.relativize(file).toString(), Files.readString(file));
			}
			return files;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private PrintStream printer() {
		return new PrintStream(printed, true, StandardCharsets.UTF_8);
	}

	private String output() {
		return printed.toString(StandardCharsets.UTF_8);
	}
}
