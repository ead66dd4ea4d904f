package cn.onething.document.pdf;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.onething.village.Contact;
import cn.onething.village.Entry;
import cn.onething.village.Places;
import com.lowagie.text.PageSize;
import com.lowagie.text.Rectangle;

/**
 * The printed notice board (公示栏) of a committee or a township: what it shows today, each entry with its period,
 * for a 公示 the end date and where to object, the figures and the masked recipients, then the place's disclosure
 * contact beside a QR code of its page, where the board is always current. A3 for the board outside, A4 for a
 * notice pinned up. Blocking: callers run it off the request threads.
 */
public final class NoticeBoardWriter {

	/** The paper a board prints on. */
	public enum Paper {
		A4(PageSize.A4), A3(PageSize.A3);

		private final Rectangle size;

		Paper(Rectangle size) {
			this.size = size;
		}
	}

	private final FontChain fonts;

	public NoticeBoardWriter(FontChain fonts) {
		this.fonts = fonts;
	}

	/**
	 * @param place the committee's or township's name
	 * @param pageUrl the address of its page, printed as the QR code
	 */
	public byte[] write(String place, Contact contact, List<Entry> entries, Places places, String pageUrl, Paper paper,
			LocalDate today) {
		String title = place + "公开栏";
		CaseSheet sheet = new CaseSheet(fonts, title, title + " " + Typesetter.date(today), paper.size);
		sheet.title(place, "村（居）务公开栏");
		if (entries.isEmpty()) {
			sheet.body("目前没有正在公开的内容。");
		}
		for (Entry entry : entries) {
			var item = places.item(entry.itemId());
			boolean publicity = item.map(found -> found.publicityDays() > 0).orElse(false);
			sheet.heading(entry.title());
			List<String[]> facts = new ArrayList<>();
			facts.add(new String[] { "公开事项", item.map(found -> found.matter()).orElse(entry.itemId()) });
			facts.add(new String[] { publicity ? "公示期" : "公开期",
					Typesetter.date(entry.startsOn()) + " 至 " + Typesetter.date(entry.endsOn()) });
			if (publicity) {
				facts.add(new String[] { "异议渠道", entry.objectionChannel() });
			}
			entry.figures().entrySet().stream().sorted(Map.Entry.comparingByKey())
					.forEach(figure -> facts.add(new String[] { figure.getKey().label(), figure.getValue() }));
			sheet.facts(facts);
			sheet.body(entry.content());
			if (!entry.recipients().isEmpty()) {
				sheet.body("名单：" + String.join("；", entry.recipients()));
			}
		}
		sheet.closing(place, new String[][] { { "公开联系", contact.office() }, { "电话", contact.phone() },
				{ "地址", contact.address() } },
				List.of(new CaseSheet.Code(pageUrl, List.of("扫码查看最新公开内容", "及异议渠道"))), today);
		return sheet.close();
	}
}
