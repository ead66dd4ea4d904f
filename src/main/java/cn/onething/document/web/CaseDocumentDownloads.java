package cn.onething.document.web;

import cn.onething.casework.CaseLinks;
import cn.onething.casework.Casework;
import cn.onething.document.CaseDocuments;
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

/**
 * A case's receipt, one-time notices and refusals (不予受理通知书, 不予行政许可决定书), for the applicant who holds the signed progress link. Without a valid key
 * the answer is 404, the same as for a case that does not exist, so receipt codes cannot be probed.
 */
@RestController
class CaseDocumentDownloads {

	private final CaseDocuments documents;
	private final Casework casework;
	private final CaseLinks links;

	CaseDocumentDownloads(CaseDocuments documents, Casework casework, CaseLinks links) {
		this.documents = documents;
		this.casework = casework;
		this.links = links;
	}

	@GetMapping("/cases/{code}/receipt.pdf")
	Mono<ResponseEntity<byte[]>> receipt(@PathVariable String code, @RequestParam(name = "k", required = false) String key) {
		return pdf(code, key, caseId -> documents.receipt(caseId), "receipt-" + code + ".pdf");
	}

	@GetMapping("/cases/{code}/notices/{version}.pdf")
	Mono<ResponseEntity<byte[]>> notice(@PathVariable String code, @PathVariable int version,
			@RequestParam(name = "k", required = false) String key) {
		return pdf(code, key, caseId -> documents.notice(caseId, version), "notice-" + code + "-" + version + ".pdf");
	}

	@GetMapping("/cases/{code}/extension.pdf")
	Mono<ResponseEntity<byte[]>> extension(@PathVariable String code, @RequestParam(name = "k", required = false) String key) {
		return pdf(code, key, caseId -> documents.extensionNotice(caseId), "extension-" + code + ".pdf");
	}

	@GetMapping("/cases/{code}/non-acceptance.pdf")
	Mono<ResponseEntity<byte[]>> nonAcceptance(@PathVariable String code, @RequestParam(name = "k", required = false) String key) {
		return pdf(code, key, documents::nonAcceptance, "non-acceptance-" + code + ".pdf");
	}

	@GetMapping("/cases/{code}/refusals/{step}.pdf")
	Mono<ResponseEntity<byte[]>> refusal(@PathVariable String code, @PathVariable String step,
			@RequestParam(name = "k", required = false) String key) {
		return pdf(code, key, caseId -> documents.refusal(caseId, step), "refusal-" + code + "-" + step + ".pdf");
	}

	private Mono<ResponseEntity<byte[]>> pdf(String code, String key,
			java.util.function.Function<String, Mono<byte[]>> render, String fileName) {
		Mono<byte[]> document = links.isValid(code, key)
				? casework.byReceiptCode(code).flatMap(stored -> render.apply(stored.file().id()))
				: Mono.empty();
		return document
				.switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这个文书")))
				.map(pdf -> ResponseEntity.ok()
						.contentType(MediaType.APPLICATION_PDF)
						.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + fileName.replaceAll("[^A-Za-z0-9._-]", "-") + "\"")
						.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
						.body(pdf));
	}
}
