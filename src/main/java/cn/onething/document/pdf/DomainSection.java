package cn.onething.document.pdf;

import java.util.List;

import cn.onething.catalog.model.Guide;
import cn.onething.document.CompendiumContents;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;

/** One domain of the book: a title page listing its items, then each guide on pages of its own. */
final class DomainSection {

	private final Book book;
	private final GuideSection guides;

	DomainSection(Book book, GuideSection guides) {
		this.book = book;
		this.guides = guides;
	}

	void write(CompendiumContents.Part part) {
		Typesetter text = book.text();
		String anchor = Bookmarks.domain(part.domain().id());
		text.place(part.domain().name());
		book.newPage();
		book.add(book.markedHeading(part.domain().name(), Typesetter.Style.TITLE, anchor, null));
		if (part.guides().isEmpty()) {
			Paragraph none = text.paragraph("本领域暂无事项。", Typesetter.Style.BODY);
			none.setSpacingBefore(12);
			book.add(none);
			return;
		}
		Paragraph count = text.paragraph("本领域共 " + part.guides().size() + " 个事项：", Typesetter.Style.BODY);
		count.setSpacingBefore(12);
		book.add(count);
		book.add(itemList(part));
		for (Guide guide : part.guides()) {
			guides.write(guide, anchor);
		}
	}

	private PdfPTable itemList(CompendiumContents.Part part) {
		IndexTable list = new IndexTable(book, List.of("序号", "事项名称", "实施主体", "办件类型", "承诺时限", "页码"),
				7, 38, 27, 10, 12, 6);
		for (Guide guide : part.guides()) {
			String anchor = Bookmarks.guide(guide.code());
			list.row(guide.name(), guide.department().name(),
					List.of(guide.timeLimit().kind(), guide.timeLimit().committed() + " 个工作日"), book.pageOf(anchor), anchor);
		}
		return list.table();
	}
}
