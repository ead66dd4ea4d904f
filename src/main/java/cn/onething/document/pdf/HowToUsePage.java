package cn.onething.document.pdf;

import java.util.ArrayList;
import java.util.List;

import cn.onething.catalog.CatalogSnapshot;
import cn.onething.catalog.model.Hall;
import cn.onething.document.CompendiumContents;
import com.lowagie.text.Paragraph;

/**
 * 使用说明: how to find an item or a one-thing bundle, read a materials table, and which version is authoritative.
 */
final class HowToUsePage {

	private final Book book;

	HowToUsePage(Book book) {
		this.book = book;
	}

	void write(CatalogSnapshot snapshot, CompendiumContents contents) {
		Typesetter text = book.text();
		text.place("使用说明");
		book.newPage();
		book.add(book.markedHeading("使用说明", Typesetter.Style.TITLE, Bookmarks.HOW_TO_USE, null));
		Hall hall = snapshot.hall();
		List<String> paragraphs = new ArrayList<>(List.of(
				"本册收录 " + contents.guides().size() + " 个政务服务事项的办事指南，按 " + contents.parts().size()
						+ " 个领域编排。每个事项单独起页，依次列明基本信息、受理条件、申请材料、办理流程、办理时限、特别程序、收费标准、"
						+ "办理地点和时间、咨询方式、监督投诉方式、设定依据和常见问题。",
				"查找事项：请按目录中的领域和事项名称查找，名称右侧为页码；阅读电子版时，可点击目录或书签直接跳转。",
				"申请材料：材料表列明每份材料的必要性、原件和复印件份数、材料形式和来源渠道。必要性为“视情形”的材料，"
						+ "仅在表中所写情形下提交。材料不齐全或者不符合法定形式的，窗口一次性告知需要补正的全部内容。",
				"办理时限：以工作日计算，不含法定节假日；受理当日不计入。听证、检测、专家评审等特别程序所需时间不计入办理时限。",
				"扫码查看：每个事项首页的二维码指向该事项的手机版办事指南。手机版随目录更新，内容如有不同，以手机版和窗口公布的最新版本为准。",
				"附录为本册所收事项的基层政务公开标准目录：“☑”表示通过该渠道公开，“☐”表示未通过该渠道公开，“√”表示所属的公开对象、方式和层级。",
				"本册依据目录第 " + snapshot.importId() + " 版编印。发现内容与实际办理不一致的，请向"
						+ (Typesetter.present(hall.name()) ? hall.name() : "政务服务中心") + "反映"
						+ (Typesetter.present(hall.complaint()) ? "：" + hall.complaint() + "。" : "。")));
		if (!contents.bundles().isEmpty()) {
			paragraphs.add(1, "一件事一次办：目录之后先列 " + contents.bundles().size() + " 件“一件事”，每件列明包括的事项、"
					+ "合并后的一套材料（每份只交一次，注明用于哪些事项）和办理步骤（串联、并联及承诺时限）；"
					+ "每个事项右侧的“见第几页”是该事项办事指南所在的页码。");
		}
		for (String line : paragraphs) {
			Paragraph paragraph = text.paragraph(line, Typesetter.Style.BODY);
			paragraph.setSpacingBefore(8);
			paragraph.setFirstLineIndent(Typesetter.Style.BODY.size * 2);
			book.add(paragraph);
		}
	}
}
