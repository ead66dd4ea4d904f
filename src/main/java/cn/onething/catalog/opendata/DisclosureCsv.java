package cn.onething.catalog.opendata;

import java.util.ArrayList;
import java.util.List;

import cn.onething.catalog.DisclosureRow;
import cn.onething.catalog.model.Disclosure;
import cn.onething.catalog.opendata.CsvTable.Column;

/** The disclosure catalogue (公开事项标准目录) as open-data CSV, with the columns of the seed's Attachment 2. */
public final class DisclosureCsv {

	public static final CsvTable<DisclosureRow> TABLE = new CsvTable<>(columns());

	private DisclosureCsv() {
	}

	public static String of(List<DisclosureRow> rows) {
		return TABLE.csv(rows);
	}

	private static List<Column<DisclosureRow>> columns() {
		List<Column<DisclosureRow>> columns = new ArrayList<>(List.of(
				new Column<>("序号", "目录中的行号，按领域顺序从 1 起", row -> String.valueOf(row.number())),
				new Column<>("领域", "26 个基层政务公开标准化规范化试点领域之一", DisclosureRow::domain),
				new Column<>("事项编码", "所公开事项的 12 位基本编码", DisclosureRow::code),
				new Column<>("一级事项", "公开事项的一级分类", row -> row.disclosure().firstLevel()),
				new Column<>("二级事项", "公开事项名称", row -> row.disclosure().secondLevel()),
				new Column<>("公开内容", "公开内容（要素）", row -> row.disclosure().content()),
				new Column<>("公开依据", "要求公开的法律法规和政策文件", row -> row.disclosure().basis()),
				new Column<>("公开时限", "信息形成或变更后公开的期限", row -> row.disclosure().timeLimit()),
				new Column<>("公开主体", "负责公开的机关", row -> row.disclosure().subject())));
		for (String channel : Disclosure.CHANNELS) {
			columns.add(new Column<>("公开渠道：" + channel, "通过" + channel + "公开的标“√”，否则为空",
					row -> row.disclosure().channels().contains(channel) ? "√" : ""));
		}
		columns.add(new Column<>("公开对象", "全社会或特定群众", row -> row.disclosure().audience()));
		columns.add(new Column<>("公开方式", "主动或依申请", row -> row.disclosure().mode()));
		columns.add(new Column<>("公开层级", "县级或乡村级", row -> row.disclosure().level()));
		return columns;
	}
}
