package cn.onething.document;

import java.util.List;

import cn.onething.catalog.CatalogProperties;
import cn.onething.document.pdf.FontChain;
import cn.onething.document.pdf.NoticeBoardWriter;
import cn.onething.village.Committee;
import cn.onething.village.Contact;
import cn.onething.village.Entry;
import cn.onething.village.Township;
import cn.onething.village.Villages;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The printable notice boards (公示栏) of committees and townships, as PDFs of what they show today. Not cached:
 * entries start and end every day, and a board renders in milliseconds.
 */
@Service
public class VillageBoards implements DisposableBean {

	/**
	 * OpenPDF is blocking: boards render here, never on a request thread, on a scheduler of their own so a village
	 * printing its board never waits behind a compendium or a window's receipts.
	 */
	private final Scheduler rendering = Schedulers.newBoundedElastic(2, 64, "village-boards");
	private final Villages villages;
	private final CatalogProperties properties;
	private final NoticeBoardWriter writer = new NoticeBoardWriter(FontChain.shipped());

	VillageBoards(Villages villages, CatalogProperties properties) {
		this.villages = villages;
		this.properties = properties;
	}

	public Mono<byte[]> board(Committee committee, NoticeBoardWriter.Paper paper) {
		return board(committee.name(), committee.contact(), committee.path(), villages.current(committee), paper);
	}

	public Mono<byte[]> board(Township township, NoticeBoardWriter.Paper paper) {
		return board(township.name(), township.contact(), township.path(), villages.current(township), paper);
	}

	private Mono<byte[]> board(String place, Contact contact, String path, Flux<Entry> entries, NoticeBoardWriter.Paper paper) {
		return entries.collectList().flatMap((List<Entry> current) -> Mono.fromCallable(() -> writer.write(place, contact,
				current, villages.places(), properties.publicBaseUrl() + path, paper, villages.today())).subscribeOn(rendering));
	}

	@Override
	public void destroy() {
		rendering.dispose();
	}
}
