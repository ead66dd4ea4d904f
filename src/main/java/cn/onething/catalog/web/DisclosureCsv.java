package cn.onething.catalog.web;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.onething.catalog.DisclosureRow;
import cn.onething.catalog.model.Disclosure;

/**
 * The disclosure catalogue as open-data CSV (RFC 4180), with the columns of the seed's Attachment 2. A byte-order
 * mark leads the file because Excel, which most offices open it with, otherwise reads UTF-8 Chinese as garbage.
 */
final class DisclosureCsv {

	private static final String BOM = "\uFEFF";

	private DisclosureCsv() {
	}

	static String of(List<DisclosureRow> rows) {
		StringBuilder csv = new StringBuilder(BOM);
		line(csv, Stream.concat(Stream.of("序号", "领域", "事项编码", "一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体"),
				Stream.concat(Disclosure.CHANNELS.stream().map(c -> "公开渠道：" + c),
						Stream.of("公开对象", "公开方式", "公开层级"))).toList());
		for (DisclosureRow row : rows) {
			Disclosure d = row.disclosure();
			line(csv, Stream.concat(Stream.of(String.valueOf(row.number()), row.domain(), row.code(), d.firstLevel(),
					d.secondLevel(), d.content(), d.basis(), d.timeLimit(), d.subject()),
					Stream.concat(Disclosure.CHANNELS.stream().map(c -> d.channels().contains(c) ? "√" : ""),
							Stream.of(d.audience(), d.mode(), d.level()))).toList());
		}
		return csv.toString();
	}

	private static void line(StringBuilder csv, List<String> cells) {
		csv.append(cells.stream().map(DisclosureCsv::cell).collect(Collectors.joining(","))).append("\r\n");
	}

	private static String cell(String value) {
		String text = value == null ? "" : value;
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}
}
