package cn.onething.document.bench;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.onething.catalog.CatalogProperties;
import cn.onething.catalog.CatalogSnapshot;
import cn.onething.catalog.DisclosureRow;
import cn.onething.catalog.model.Disclosure;
import cn.onething.catalog.model.Domain;
import cn.onething.catalog.model.Guide;
import cn.onething.catalog.model.Material;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * The same book as HTML for Chromium's print-to-PDF, the alternative the benchmark compares OpenPDF with: the same
 * elements per guide, materials tables whose rows do not break, QR codes as inline SVG, footers with CSS page
 * counters. What Chromium cannot do: page numbers in the table of contents (no {@code target-counter()}).
 */
final class CompendiumHtml {

	private static final String STYLE = """
			@page { size: A4; margin: 20mm 20mm 22mm;
			  @bottom-center { content: "第 " counter(page) " 页 共 " counter(pages) " 页"; font: 9pt "WenQuanYi Micro Hei"; } }
			@page cover { @bottom-center { content: none; } }
			@page appendix { size: A4 landscape; }
			body { font-family: "WenQuanYi Micro Hei", sans-serif; font-size: 10.5pt; line-height: 1.55; }
			.cover { page: cover; text-align: center; padding-top: 50mm; } .cover h1 { font-size: 32pt; font-weight: normal; }
			section { break-before: page; } h1 { font-size: 18pt; } h2 { font-size: 13pt; margin: 10pt 0 2pt; break-after: avoid; }
			table { width: 100%; border-collapse: collapse; font-size: 9pt; } th, td { border: 0.5pt solid #000; padding: 4pt; vertical-align: top; }
			th { background: #e1e1e1; } tr { break-inside: avoid; } .qr { float: right; width: 35mm; text-align: center; font-size: 9pt; }
			p { margin: 3pt 0; } .toc p { margin: 0; } .text { white-space: pre-wrap; } .appendix { page: appendix; } .toc a { color: #000; text-decoration: none; }
			""";

	private final CatalogProperties links;
	private final StringBuilder html = new StringBuilder();

	CompendiumHtml(CatalogProperties links) {
		this.links = links;
	}

	String render(CatalogSnapshot snapshot) {
		html.setLength(0);
		html.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>办事指南一本通</title><style>")
				.append(STYLE).append("</style></head><body>");
		html.append("<div class=\"cover\"><p>").append(escape(snapshot.hall().name())).append("</p><h1>办事指南一本通</h1><p>目录版本：第 ")
				.append(snapshot.importId()).append(" 版</p></div>");
		html.append("<section class=\"toc\"><h1>目录</h1>");
		for (Domain domain : snapshot.domains()) {
			html.append("<p><a href=\"#d-").append(domain.id()).append("\"><b>").append(escape(domain.name())).append("</b></a></p>");
			snapshot.guidesOf(domain.id()).forEach(g -> html.append("<p style=\"margin-left:2em\"><a href=\"#g-")
					.append(g.code()).append("\">").append(escape(g.name())).append("</a></p>"));
		}
		html.append("</section>");
		for (Domain domain : snapshot.domains()) {
			html.append("<section id=\"d-").append(domain.id()).append("\"><h1>").append(escape(domain.name())).append("</h1>");
			if (snapshot.guidesOf(domain.id()).isEmpty()) {
				html.append("<p>本领域暂无事项。</p>");
			}
			html.append("</section>");
			snapshot.guidesOf(domain.id()).forEach(this::guide);
		}
		appendix(snapshot.disclosureCatalog());
		return html.append("</body></html>").toString();
	}

	private void guide(Guide guide) {
		html.append("<section id=\"g-").append(guide.code()).append("\"><h1>").append(escape(guide.name())).append("</h1>");
		html.append("<div class=\"qr\">").append(qrSvg(links.guideUrl(guide.code()))).append("扫码查看手机版</div>");
		heading("一、基本信息");
		table(List.of("项目", "内容"), List.of(List.of("事项类型", guide.type().label()), List.of("实施主体", guide.department().name()),
				List.of("基本编码", guide.code()), List.of("实施编码", guide.implementationCode()),
				List.of("服务对象", String.join("、", guide.serviceObjects())), List.of("办件类型", guide.timeLimit().kind()),
				List.of("到办事现场次数", guide.visits() + " 次"), List.of("生效日期", guide.effectiveDate().toString())));
		heading("二、受理条件");
		text(guide.conditions());
		heading("三、申请材料（共 " + guide.materials().size() + " 项）");
		table(List.of("材料名称", "必要性", "原件", "复印件", "材料形式", "来源渠道", "备注"), guide.materials().stream()
				.map(m -> List.of(m.name(), m.condition() == null ? m.requirementLabel() : m.requirementLabel() + "：" + m.condition(),
						String.valueOf(m.original()), String.valueOf(m.copies()), m.form(), m.source(), notes(m)))
				.toList());
		heading("四、办理流程");
		guide.process().forEach(step -> text(step.name() + "：" + (step.description() == null ? "" : step.description())));
		heading("五、办理时限");
		text("法定办结时限：" + guide.timeLimit().statutory() + " 个工作日；承诺办结时限：" + guide.timeLimit().committed() + " 个工作日");
		heading("六、特别程序");
		table(List.of("程序名称", "所需时限", "说明"), guide.specialProcedures().stream()
				.map(p -> List.of(p.name(), p.limit() + " 个工作日", p.note() == null ? "" : p.note())).toList());
		heading("七、收费标准");
		text(guide.fees().charged() ? guide.fees().items().stream().map(f -> f.name() + "：" + f.amount())
				.collect(Collectors.joining("\n")) : "不收费。");
		heading("八、办理地点和时间");
		guide.windows().forEach(w -> text(w.name() + "\n地址：" + w.address() + "\n办公时间：" + w.hours()));
		heading("九、咨询方式");
		text(guide.contact());
		heading("十、监督投诉方式");
		text(guide.complaint());
		heading("十一、设定依据");
		guide.legalBasis().forEach(b -> text("《" + b.law() + "》" + (b.article() == null ? "" : b.article())
				+ (b.text() == null ? "" : "\n" + b.text())));
		heading("十二、常见问题");
		guide.faq().forEach(f -> text("问：" + f.q() + "\n答：" + f.a()));
		html.append("</section>");
	}

	private void appendix(List<DisclosureRow> rows) {
		html.append("<section class=\"appendix\"><h1>附录　基层政务公开标准目录</h1>");
		table(List.of("序号", "一级事项", "二级事项", "公开内容（要素）", "公开依据", "公开时限", "公开主体", "公开渠道和载体", "公开对象",
				"公开方式", "公开层级"), rows.stream().map(row -> {
					Disclosure d = row.disclosure();
					String channels = Disclosure.CHANNELS.stream().map(c -> (d.channels().contains(c) ? "☑" : "☐") + c)
							.collect(Collectors.joining("\n"));
					return List.of(String.valueOf(row.number()), d.firstLevel(), d.secondLevel(), d.content(), d.basis(),
							d.timeLimit(), d.subject(), channels, d.audience(), d.mode(), d.level());
				}).toList());
		html.append("</section>");
	}

	private static String notes(Material material) {
		return java.util.stream.Stream.of(material.sample(), material.blankForm(), material.notes())
				.filter(java.util.Objects::nonNull).collect(Collectors.joining("\n"));
	}

	private void heading(String title) {
		html.append("<h2>").append(escape(title)).append("</h2>");
	}

	private void text(String text) {
		html.append("<p class=\"text\">").append(escape(text)).append("</p>");
	}

	private void table(List<String> headers, List<List<String>> rows) {
		html.append("<table><thead><tr>");
		headers.forEach(h -> html.append("<th>").append(escape(h)).append("</th>"));
		html.append("</tr></thead><tbody>");
		for (List<String> row : rows) {
			html.append("<tr>");
			row.forEach(cell -> html.append("<td class=\"text\">").append(escape(cell)).append("</td>"));
			html.append("</tr>");
		}
		html.append("</tbody></table>");
	}

	private static String qrSvg(String content) {
		try {
			BitMatrix m = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
			StringBuilder path = new StringBuilder();
			for (int y = 0; y < m.getHeight(); y++) {
				for (int x = 0; x < m.getWidth(); x++) {
					if (m.get(x, y)) {
						path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
					}
				}
			}
			return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + m.getWidth() + " " + m.getHeight()
					+ "\" width=\"35mm\" height=\"35mm\" shape-rendering=\"crispEdges\"><path d=\"" + path + "\"/></svg>";
		}
		catch (WriterException e) {
			throw new IllegalArgumentException(e);
		}
	}

	private static String escape(String text) {
		return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}
}
