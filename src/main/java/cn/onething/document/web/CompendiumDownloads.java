package cn.onething.document.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import cn.onething.document.Compendium;
import cn.onething.document.CompendiumSelection;
import cn.onething.document.Documents;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * The printable compendium: the whole catalogue, one domain ({@code ?domain=}), one department ({@code ?department=})
 * or one bundle ({@code ?bundle=}). One handler answers at two addresses: {@code /documents/compendium.pdf}, the
 * link staff and the hall's pages print, and {@code /api/documents/compendium.pdf}, where the OpenAPI description
 * (which covers {@code /api/**} only) tells other systems about it.
 */
@RestController
@Tag(name = "documents", description = "打印文书")
class CompendiumDownloads {

	private final Documents documents;

	CompendiumDownloads(Documents documents) {
		this.documents = documents;
	}

	// No "produces": errors are problem documents (JSON), which a PDF-only mapping could not write.
	@Operation(summary = "办事指南一本通（PDF）：整本，或一个领域、一个部门、一件事",
			description = "至多给出 domain、department、bundle 中的一个；都不给出为整本（含一件事一次办）。"
					+ "按现行目录版本和一件事版本编印，同一版本再次下载是同一本书。")
	@ApiResponse(responseCode = "200", description = "PDF；Content-Disposition 的 filename* 是中文书名",
			content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE, schema = @Schema(type = "string", format = "binary")))
	@ApiResponse(responseCode = "400", description = "选择了不止一个范围",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = "没有这个领域、部门或一件事",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
	@GetMapping({ "/documents/compendium.pdf", "/api/documents/compendium.pdf" })
	Mono<ResponseEntity<byte[]>> compendium(
			@Parameter(description = "领域编号（/api/domains）") @RequestParam(required = false) String domain,
			@Parameter(description = "实施主体编号（/api/items/{code} 中的 guide.department.id）") @RequestParam(required = false) String department,
			@Parameter(description = "一件事编号（/api/bundles）") @RequestParam(required = false) String bundle) {
		List<CompendiumSelection> chosen = Stream.of(chosen(domain, CompendiumSelection::domain),
				chosen(department, CompendiumSelection::department), chosen(bundle, CompendiumSelection::bundle))
				.flatMap(Optional::stream).toList();
		if (chosen.size() > 1) {
			return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST, "请只选择一个领域、一个部门或一件事"));
		}
		CompendiumSelection selection = chosen.isEmpty() ? CompendiumSelection.whole() : chosen.get(0);
		return documents.compendium(selection)
				.switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, notFound(selection))))
				.map(compendium -> ResponseEntity.ok()
						.contentType(MediaType.APPLICATION_PDF)
						.header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(compendium))
						.body(compendium.pdf()));
	}

	private static Optional<CompendiumSelection> chosen(String id, Function<String, CompendiumSelection> selection) {
		return Optional.ofNullable(id).map(selection);
	}

	private static String notFound(CompendiumSelection selection) {
		return switch (selection.scope()) {
			case DOMAIN -> "没有这个领域";
			case DEPARTMENT -> "没有这个部门";
			case BUNDLE -> "没有这件事";
			case WHOLE -> throw new IllegalStateException("the whole catalogue always has a book");
		};
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
