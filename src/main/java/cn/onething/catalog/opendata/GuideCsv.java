package cn.onething.catalog.opendata;

import java.util.List;
import java.util.stream.Collectors;

import cn.onething.catalog.model.Guide;
import cn.onething.catalog.opendata.CsvTable.Column;

/**
 * The service guides (办事指南) as one open-data table, a row per item with the guide elements that fit one cell; the
 * whole guides (materials, process, legal basis, windows, FAQ) are in the package's guides.json.
 */
final class GuideCsv {

	/** A guide as the table lists it: with its domain's name, its version and its stable address. */
	record Row(Guide guide, String domain, int version, String url) {
	}

	static final CsvTable<Row> TABLE = new CsvTable<>(List.of(
			new Column<>("事项编码", "12 位基本编码，跨版本不变", row -> row.guide().code()),
			new Column<>("事项名称", "办事指南的事项名称", row -> row.guide().name()),
			new Column<>("事项类型", "行政许可、行政给付、公共服务等", row -> row.guide().type().label()),
			new Column<>("领域", "26 个试点领域之一", Row::domain),
			new Column<>("实施主体", "承办的部门", row -> row.guide().department().name()),
			new Column<>("实施编码", "实施主体统一社会信用代码 + 行使层级 + 基本编码（31 位）", row -> row.guide().implementationCode()),
			new Column<>("服务对象", "以“、”分隔", row -> String.join("、", row.guide().serviceObjects())),
			new Column<>("法定时限（工作日）", "法律法规规定的办理时限", row -> String.valueOf(row.guide().timeLimit().statutory())),
			new Column<>("承诺时限（工作日）", "本县承诺的办理时限，不超过法定时限", row -> String.valueOf(row.guide().timeLimit().committed())),
			new Column<>("办件类型", "即办件或承诺件", row -> row.guide().timeLimit().kind()),
			new Column<>("到办事现场次数", "0、1 或 2", row -> String.valueOf(row.guide().visits())),
			new Column<>("是否收费", "是或否", row -> row.guide().fees().charged() ? "是" : "否"),
			new Column<>("申请材料", "材料名称，以“；”分隔", row -> row.guide().materials().stream()
					.map(material -> material.name()).collect(Collectors.joining("；"))),
			new Column<>("咨询方式", "咨询电话或地址", row -> row.guide().contact()),
			new Column<>("监督投诉方式", "监督投诉电话或地址", row -> row.guide().complaint()),
			new Column<>("网上办理地址", "可网上办理的地址，无则为空", row -> row.guide().onlineUrl()),
			new Column<>("生效日期", "yyyy-MM-dd", row -> String.valueOf(row.guide().effectiveDate())),
			new Column<>("指南版本", "该事项办事指南的版本号", row -> String.valueOf(row.version())),
			new Column<>("指南网址", "办事指南页面的稳定地址", Row::url)));

	private GuideCsv() {
	}
}
