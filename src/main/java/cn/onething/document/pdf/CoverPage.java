package cn.onething.document.pdf;

import java.time.LocalDate;
import java.time.ZoneId;

import cn.onething.catalog.CatalogSnapshot;
import cn.onething.catalog.model.Hall;
import cn.onething.document.CompendiumContents;
import com.lowagie.text.Element;
import com.lowagie.text.Paragraph;

/**
 * The cover: the hall, the title, the catalogue version (and, for a book with one-thing pages, the bundles version)
 * it was printed from and the date it was compiled.
 */
final class CoverPage {

	/** Import dates are shown as the county sees them. */
	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final Book book;

	CoverPage(Book book) {
		this.book = book;
	}

	void write(CompendiumWriter.Edition edition) {
		CatalogSnapshot snapshot = edition.snapshot();
		CompendiumContents contents = edition.contents();
		Typesetter text = book.text();
		text.place("封面");
		Hall hall = snapshot.hall();
		centered(hall.name(), Typesetter.Style.COVER, 150);
		centered("办事指南一本通", Typesetter.Style.COVER_TITLE, 24);
		if (contents.scopeName() != null) {
			centered(contents.scopeName(), Typesetter.Style.COVER, 12);
		}
		boolean oneThings = !contents.bundles().isEmpty();
		centered("收录 " + contents.parts().size() + " 个领域、" + contents.guides().size() + " 个事项"
				+ (oneThings ? "和 " + contents.bundles().size() + " 件一件事" : ""), Typesetter.Style.BODY, 90);
		centered("目录版本：第 " + snapshot.importId() + " 版（"
				+ Typesetter.date(LocalDate.ofInstant(snapshot.importedAt(), CHINA)) + "发布）", Typesetter.Style.BODY, 6);
		if (oneThings) {
			centered("一件事版本：第 " + edition.bundlesVersion() + " 版", Typesetter.Style.BODY, 6);
		}
		centered("编印日期：" + Typesetter.date(edition.compiledOn()), Typesetter.Style.BODY, 6);
		float spaceBefore = 150; // the hall's contacts sit at the foot of the cover
		for (String[] fact : new String[][] { { "地址", hall.address() }, { "办公时间", hall.hours() },
				{ "咨询电话", hall.phone() }, { "监督投诉", hall.complaint() } }) {
			if (Typesetter.present(fact[1])) {
				centered(fact[0] + "：" + fact[1], Typesetter.Style.SMALL, spaceBefore);
				spaceBefore = 2;
			}
		}
	}

	private void centered(String line, Typesetter.Style style, float spaceBefore) {
		if (!Typesetter.present(line)) {
			return;
		}
		Paragraph paragraph = book.text().paragraph(line, style);
		paragraph.setAlignment(Element.ALIGN_CENTER);
		paragraph.setSpacingBefore(spaceBefore);
		book.add(paragraph);
	}
}
