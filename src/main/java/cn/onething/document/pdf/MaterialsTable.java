package cn.onething.document.pdf;

import java.util.ArrayList;
import java.util.List;

import cn.onething.catalog.model.Guide;
import cn.onething.catalog.model.Material;
import com.lowagie.text.pdf.PdfPTable;

/**
 * 申请材料 as the table window staff tick off: one row per material, never split across pages (see
 * {@link Cells#table}), the header repeated on every page the table runs over.
 */
final class MaterialsTable {

	private static final List<String> HEADERS = List.of("序号", "材料名称", "必要性", "份数", "材料形式", "来源渠道", "备注");

	private final Typesetter text;

	MaterialsTable(Typesetter text) {
		this.text = text;
	}

	PdfPTable of(Guide guide) {
		PdfPTable table = Cells.table(6, 22, 15, 12, 12, 14, 19);
		table.setHeaderRows(1);
		for (String header : HEADERS) {
			table.addCell(Cells.header(text.phrase(header, Typesetter.Style.SMALL_BOLD)));
		}
		int number = 1;
		for (Material material : guide.materials()) {
			table.addCell(Cells.centered(text.phrase(String.valueOf(number++), Typesetter.Style.SMALL)));
			table.addCell(Cells.cell(text.phrase(material.name(), Typesetter.Style.SMALL_BOLD)));
			table.addCell(Cells.cell(text.phrase(requirement(material), Typesetter.Style.SMALL)));
			table.addCell(Cells.cell(text.phrase(copies(material), Typesetter.Style.SMALL)));
			table.addCell(Cells.cell(text.phrase(material.form(), Typesetter.Style.SMALL)));
			table.addCell(Cells.cell(text.phrase(material.source(), Typesetter.Style.SMALL)));
			table.addCell(Cells.cell(text.phrase(notes(material), Typesetter.Style.SMALL)));
		}
		return table;
	}

	private static String requirement(Material material) {
		return material.required() || material.condition() == null
				? material.requirementLabel()
				: material.requirementLabel() + "：" + material.condition();
	}

	private static String copies(Material material) {
		List<String> lines = new ArrayList<>();
		if (material.original() > 0) {
			lines.add("原件 " + material.original() + " 份");
		}
		if (material.copies() > 0) {
			lines.add("复印件 " + material.copies() + " 份");
		}
		return String.join("\n", lines);
	}

	private static String notes(Material material) {
		List<String> lines = new ArrayList<>();
		if (material.sample() != null) {
			lines.add("样表：" + material.sample());
		}
		if (material.blankForm() != null) {
			lines.add("空白表格：" + material.blankForm());
		}
		if (material.notes() != null) {
			lines.add(material.notes());
		}
		return String.join("\n", lines);
	}
}
