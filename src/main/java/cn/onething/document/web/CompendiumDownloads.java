package cn.onething.document.web;

import java.nio.charset.StandardCharsets;

import cn.onething.document.Compendium;
import cn.onething.document.CompendiumSelection;
import cn.onething.document.Documents;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/** The printable compendium: the whole catalogue, one domain ({@code ?domain=}) or one department ({@code ?department=}). */
@RestController
class CompendiumDownloads {

	private final Documents documents;

	CompendiumDownloads(Documents documents) {
		this.documents = documents;
	}

	// No "produces": errors are problem documents (JSON), which a PDF-only mapping could not write.
	@GetMapping("/documents/compendium.pdf")
	Mono<ResponseEntity<byte[]>> compendium(@RequestParam(required = false) String domain,
			@RequestParam(required = false) String department) {
		if (domain != null && department != null) {
			return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST, "请只选择一个领域或一个部门"));
		}
		CompendiumSelection selection = domain != null ? CompendiumSelection.domain(domain)
				: department != null ? CompendiumSelection.department(department) : CompendiumSelection.whole();
		return documents.compendium(selection)
				.switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
						domain != null ? "没有这个领域" : "没有这个部门")))
				.map(compendium -> ResponseEntity.ok()
						.contentType(MediaType.APPLICATION_PDF)
						.header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(compendium))
						.body(compendium.pdf()));
	}

	/**
	 * {@code inline} so a browser shows the book before printing it; an ASCII {@code filename} for old clients and
	 * the Chinese title as {@code filename*} (RFC 6266, RFC 8187).
	 */
	static String contentDisposition(Compendium compendium) {
		String version = "v" + compendium.catalogVersion();
		String id = compendium.selection().id();
		String ascii = "compendium" + (id == null ? "" : "-" + id.replaceAll("[^A-Za-z0-9._-]", "-")) + "-" + version + ".pdf";
		String chinese = compendium.title() + "（第" + compendium.catalogVersion() + "版）.pdf";
		return "inline; filename=\"" + ascii + "\"; filename*=UTF-8''" + percentEncoded(chinese);
	}

	private static String percentEncoded(String value) {
		StringBuilder encoded = new StringBuilder();
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xff);
			if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
				encoded.append(c);
			}
			else {
				encoded.append('%').append(String.format("%02X", b & 0xff));
			}
		}
		return encoded.toString();
	}
}
