package cn.onething.document.pdf;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

import cn.onething.bundle.Bundle;
import cn.onething.bundle.BundleItem;
import cn.onething.bundle.ProducedMaterial;
import cn.onething.bundle.Step;
import cn.onething.catalog.CatalogSnapshot;
import cn.onething.document.CompendiumContents;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;

/**
 * One bundle (一件事), starting on a new page: what it is for, the items it bundles with the page of each item's guide
 * in this book, the materials handed in once for all of them (the bundle's merged list), and the approval steps
 * stage by stage, with their departments and working-day limits.
 */
final class BundlePage {

	private final Book book;
	private final Typesetter text;
	private final CatalogSnapshot catalogue;
	private final CompendiumContents contents;
	private final MaterialsTable materials;

	BundlePage(Book book, CatalogSnapshot catalogue, CompendiumContents contents) {
		this.book = book;
		this.text = book.text();
		this.catalogue = catalogue;
		this.contents = contents;
		this.materials = new MaterialsTable(text);
	}

	void write(Bundle bundle) {
		text.place(bundle.name());
		book.newPage();
		book.add(book.markedHeading(bundle.name(), Typesetter.Style.TITLE, Bookmarks.bundle(bundle.id()),
				Bookmarks.ONE_THINGS));
		book.add(text.paragraph(bundle.items().size() + " 个事项一次办　|　一张表单、一套材料　|　承诺 "
				+ bundle.committedLimit() + " 个工作日", Typesetter.Style.SMALL));
		book.heading("一、这件事办什么");
		description(bundle.description());
		book.body("牵头部门：" + department(bundle.leadDepartmentId()) + "，负责一窗受理，统一送达各事项的办理结果。");
		book.body(bundle.partialOutcomes() ? "办理结果：各事项分别作出决定，其中一项不予办理的，不影响其他事项。"
				: "办理结果：各事项一并作出决定，任何一项不予办理的，整件事不予办理。");
		book.heading("二、包括的事项（共 " + bundle.items().size() + " 项）");
		book.add(items(bundle));
		book.heading("三、一套材料（共 " + bundle.materials().size() + " 项，每份只交一次）");
		book.add(materials.of(bundle));
		for (ProducedMaterial produced : bundle.produced()) {
			book.body(produced.name() + "：" + ProducedMaterial.NOT_ASKED + "（"
					+ bundle.plan().step(produced.stepId()).map(Step::name).orElse(produced.stepId()) + "通过后产生）。");
		}
		book.heading("四、办理步骤");
		book.body("各阶段依次办理（串联），前一阶段办结后开始下一阶段；同一阶段有几个步骤的，由各部门同时办理（并联）。");
		stages(bundle);
		book.body("全程承诺办结时限：" + bundle.committedLimit() + " 个工作日，自受理次日起算，不含法定节假日；联合办理的，依法不超过 "
				+ Bundle.JOINT_HANDLING_CAP + " 个工作日（《中华人民共和国行政许可法》第四十二条、第八十二条）。");
	}

	/**
	 * Bundle files wrap their descriptions by hand, and Chinese joins wrapped lines without a space: only a blank line
	 * starts a new paragraph.
	 */
	private void description(String description) {
		for (String paragraph : description.strip().split("\\n\\s*\\n")) {
			book.body(paragraph.replaceAll("\\s*\\n\\s*", ""));
		}
	}

	private PdfPTable items(Bundle bundle) {
		IndexTable list = new IndexTable(book, List.of("序号", "事项名称", "实施主体", "承诺时限", "办事指南"),
				7, 40, 26, 12, 15);
		for (BundleItem item : bundle.items()) {
			String anchor = Bookmarks.guide(item.code());
			String committed = catalogue.guide(item.code()).map(guide -> guide.timeLimit().committed() + " 个工作日").orElse("");
			// a guide the book does not hold: an item withdrawn since the bundles were last checked against the catalogue
			boolean printed = contents.prints(item.code());
			list.row(item.name(), department(item.departmentId()), List.of(committed),
					printed ? book.seePage(anchor) : "本册未收录", printed ? anchor : null);
		}
		return list.table();
	}

	/** The plan's layers: a layer waits for the one before it (串联), the steps of one layer run side by side (并联). */
	private void stages(Bundle bundle) {
		List<List<Step>> layers = bundle.plan().layers();
		for (int stage = 1; stage <= layers.size(); stage++) {
			List<Step> steps = layers.get(stage - 1);
			Paragraph paragraph = book.bodyParagraph("");
			paragraph.add(text.phrase("第 " + stage + " 阶段（" + (steps.size() > 1 ? "并联办理" : "串联办理") + "）",
					Typesetter.Style.BODY_BOLD));
			for (Step step : steps) {
				paragraph.add(text.phrase("\n· " + line(bundle, step), Typesetter.Style.BODY));
			}
			book.add(paragraph);
		}
	}

	private String line(Bundle bundle, Step step) {
		StringBuilder line = new StringBuilder(step.name()).append("（").append(department(step.departmentId()))
				.append("）：").append(step.itemCodes().stream().map(code -> itemName(bundle, code))
						.collect(Collectors.joining("、")));
		committedDays(step).ifPresent(days -> line.append("，承诺 ").append(days).append(" 个工作日"));
		if (!step.dependsOn().isEmpty()) {
			line.append("；在").append(step.dependsOn().stream()
					.map(id -> "“" + bundle.plan().step(id).map(Step::name).orElse(id) + "”")
					.collect(Collectors.joining("、"))).append("办结后开始");
		}
		return line.append("。").toString();
	}

	/** One department decides a step's items side by side, so the step takes as long as its slowest item. */
	private OptionalInt committedDays(Step step) {
		return step.itemCodes().stream().map(catalogue::guide).flatMap(Optional::stream)
				.mapToInt(guide -> guide.timeLimit().committed()).max();
	}

	private static String itemName(Bundle bundle, String code) {
		return bundle.item(code).map(BundleItem::name).orElse(code);
	}

	private String department(String id) {
		return catalogue.departmentName(id);
	}
}
