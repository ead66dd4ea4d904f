package cn.onething.village.placefiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import cn.onething.catalog.CatalogSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** guides/places/ is read like the guides: every mistake reported with its file, line and field. */
class PlaceFolderReaderTests {

	@TempDir
	Path guides;

	@Test
	void aTownshipAndItsCommitteesAreRead() throws IOException {
		write("village-list.yaml", LIST);
		write("xinning.yaml", """
				id: xinning
				name: 新宁镇
				contact: {office: 新宁镇党政综合办公室, phone: 0771-7521201, address: 扶绥县新宁镇人民政府}
				villages:
				  - id: chengdong
				    name: 城东社区居委会
				    kind: 社区居委会
				    contact: {office: 城东社区居务监督委员会, phone: 0771-7521231, address: 城东社区综合服务中心}
				""");

		PlaceFolder folder = PlaceFolderReader.read(guides, CatalogSnapshot.empty());

		assertThat(folder.problems()).isEmpty();
		assertThat(folder.places().committee("xinning", "chengdong").orElseThrow().path()).isEqualTo("/places/xinning/chengdong");
		assertThat(folder.places().item("village-finance").orElseThrow().quarterlyDueDay()).isEqualTo(15);
	}

	@Test
	void mistakesAreReportedWithFileLineAndField() throws IOException {
		write("village-list.yaml", LIST.replace("level: 村级", "level: 县级") + """
				  - id: dibao
				    matter: 低保公示
				    content: 户主姓名
				    basis: 社会救助暂行办法
				    timeLimit: 7天
				    subject: 村委会
				    channels: [村务公开栏]
				    audience: 本村村民
				    mode: 主动
				    level: 村级
				    government:
				      item: "000511401999"
				      figures: {standard: 每人每年5760元}
				""");
		write("xinning.yaml", """
				id: xinning
				contact: {office: 党政办, phone: 0771-7521201, address: 镇政府}
				villages:
				  - id: chengdong
				    name: 城东社区居委会
				    kind: 居委会
				    contact: {office: 居务监督委员会, phone: 0771-7521231, address: 服务中心}
				""");

		PlaceFolder folder = PlaceFolderReader.read(guides, CatalogSnapshot.empty());

		assertThat(folder.isValid()).isFalse();
		assertThat(folder.problems()).extracting(Object::toString).contains(
				"places/village-list.yaml:11: items[0].level: 村级公开目录的层级应为“村级”",
				"places/village-list.yaml:25: items[1].government.item: 目录中没有基本编码为“000511401999”的事项",
				"places/xinning.yaml:1: name: 缺少必填字段",
				"places/xinning.yaml:6: villages[0].kind: “居委会”不是允许的取值，应为：村民委员会、社区居委会");
	}

	static final String LIST = """
			items:
			  - id: village-finance
			    matter: 村级财务收支
			    content: 本季度收入、支出明细
			    basis: 村民委员会组织法第三十条
			    timeLimit: 每季度
			    subject: 村民委员会
			    channels: [村务公开栏]
			    audience: 本村村民
			    mode: 主动
			    level: 村级
			    cadence: quarterly
			    dueDay: 15
			""";

	private void write(String name, String text) throws IOException {
		Files.createDirectories(guides.resolve("places"));
		Files.writeString(guides.resolve("places").resolve(name), text);
	}
}
