package cn.onething.document.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import cn.onething.bundle.Bundle;
import cn.onething.bundle.BundleItem;
import cn.onething.bundle.MaterialRef;
import cn.onething.bundle.MergedMaterial;
import cn.onething.catalog.model.Guide;
import cn.onething.catalog.model.Material;
import com.lowagie.text.pdf.PdfPTable;

/**
 * 申请材料 as the table window staff tick off: one row per material, never split across pages (see
 * {@link Cells#table}), the header repeated on every page the table runs over. A guide's own materials, or a bundle's
 * merged ones (一套材料), each document once with the items it serves.
 */
final class MaterialsTable {

	private static final List<String> HEADERS = List.of("序号", "材料名称", "必要性", "份数", "材料形式", "来源渠道", "备注");
	private static final List<String> MERGED_HEADERS = List.of("序号", "材料名称", "必要性", "份数", "材料形式", "用于事项");

	private final Typesetter text;

	MaterialsTable(Typesetter text) {
		this.text = text;
	}

	PdfPTable of(Guide guide) {
		PdfPTable table = withHeaders(HEADERS, 6, 22, 15, 12, 12, 14, 19);
		int number = 1;
		for (Material material : guide.materials()) {
			row(table, number++, material.name(),
					requirement(material.required(), material.requirementLabel(), material.condition()),
					copies(material.original(), material.copies()), material.form());
			table.addCell(Cells.cell(text.phrase(material.source(), Typesetter.Style.SMALL)));
			table.addCell(Cells.cell(text.phrase(notes(material), Typesetter.Style.SMALL)));
		}
		return table;
	}

	PdfPTable of(Bundle bundle) {
		PdfPTable table = withHeaders(MERGED_HEADERS, 6, 26, 17, 12, 11, 28);
		int number = 1;
		for (MergedMaterial material : bundle.materials()) {
			row(table, number++, material.name(),
					requirement(material.required(), material.requirementLabel(), material.condition()),
					copies(material.original(), material.copies()), material.form());
			table.addCell(Cells.cell(text.phrase(itemNames(bundle, material), Typesetter.Style.SMALL)));
		}
		return table;
	}

	private PdfPTable withHeaders(List<String> headers, float... relativeWidths) {
		PdfPTable table = Cells.table(relativeWidths);
		table.setHeaderRows(1);
		for (String header : headers) {
			table.addCell(Cells.header(text.phrase(header, Typesetter.Style.SMALL_BOLD)));
		}
		return table;
	}

	private void row(PdfPTable table, int number, String name, String requirement, String copies, String form) {
		table.addCell(Cells.centered(text.phrase(String.valueOf(number), Typesetter.Style.SMALL)));
		table.addCell(Cells.cell(text.phrase(name, Typesetter.Style.SMALL_BOLD)));
		table.addCell(Cells.cell(text.phrase(requirement, Typesetter.Style.SMALL)));
		table.addCell(Cells.cell(text.phrase(copies, Typesetter.Style.SMALL)));
		table.addCell(Cells.cell(text.phrase(form, Typesetter.Style.SMALL)));
	}

	/** 必要 or 视情形; a 视情形 material says when it is needed. */
	private static String requirement(boolean required, String label, String condition) {
		return required || condition == null ? label : label + "：" + condition;
	}

	private static String copies(int original, int copies) {
		List<String> lines = new ArrayList<>();
		if (original > 0) {
			lines.add("原件 " + original + " 份");
		}
		if (copies > 0) {
			lines.add("复印件 " + copies + " 份");
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

	/** The items that ask for the document, each named once even when it asks for it under two of its materials. */
	private static String itemNames(Bundle bundle, MergedMaterial material) {
		return material.items().stream().map(MaterialRef::itemCode).distinct()
				.map(code -> bundle.item(code).map(BundleItem::name).orElse(code))
				.collect(Collectors.joining("、"));
	}
}
