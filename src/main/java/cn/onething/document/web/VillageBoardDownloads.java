package cn.onething.document.web;

import cn.onething.document.VillageBoards;
import cn.onething.document.pdf.NoticeBoardWriter;
import cn.onething.village.Villages;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/** The notice board (公示栏) sheets of committees and townships, A4 by default or A3, for anyone to print. */
@RestController
class VillageBoardDownloads {

	private final VillageBoards boards;
	private final Villages villages;

	VillageBoardDownloads(VillageBoards boards, Villages villages) {
		this.boards = boards;
		this.villages = villages;
	}

	@GetMapping("/places/{township}/board.pdf")
	Mono<ResponseEntity<byte[]>> township(@PathVariable String township, @RequestParam(defaultValue = "A4") String paper) {
		return villages.places().township(township)
				.map(found -> pdf(boards.board(found, paper(paper)), "board-" + township + ".pdf"))
				.orElseGet(VillageBoardDownloads::notFound);
	}

	@GetMapping("/places/{township}/{committee}/board.pdf")
	Mono<ResponseEntity<byte[]>> committee(@PathVariable String township, @PathVariable String committee,
			@RequestParam(defaultValue = "A4") String paper) {
		return villages.places().committee(township, committee)
				.map(found -> pdf(boards.board(found, paper(paper)), "board-" + township + "-" + committee + ".pdf"))
				.orElseGet(VillageBoardDownloads::notFound);
	}

	private static NoticeBoardWriter.Paper paper(String paper) {
		return switch (paper) {
			case "A4", "a4" -> NoticeBoardWriter.Paper.A4;
			case "A3", "a3" -> NoticeBoardWriter.Paper.A3;
			default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "纸张只能是 A4 或 A3");
		};
	}

	private static Mono<ResponseEntity<byte[]>> pdf(Mono<byte[]> board, String fileName) {
		return board.map(pdf -> ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_PDF)
				.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + fileName + "\"")
				.header(HttpHeaders.CACHE_CONTROL, "no-cache")
				.body(pdf));
	}

	private static Mono<ResponseEntity<byte[]>> notFound() {
		return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这个乡镇或村（居）委会"));
	}
}
