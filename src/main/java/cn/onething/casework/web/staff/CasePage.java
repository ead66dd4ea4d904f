package cn.onething.casework.web.staff;

import java.nio.charset.StandardCharsets;

import cn.onething.casework.Casework;
import cn.onething.identity.Identity;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/** A case as staff see it, and its material files for those who handle it. */
@Controller
class CasePage {

	private final Casework casework;
	private final Identity identity;
	private final CaseSheet sheet;

	CasePage(Casework casework, Identity identity, CaseSheet sheet) {
		this.casework = casework;
		this.identity = identity;
		this.sheet = sheet;
	}

	@GetMapping("/staff/cases/{id}")
	Mono<Rendering> show(@PathVariable String id, @RequestParam(name = "done", required = false) String done) {
		return identity.signedIn().flatMap(member -> sheet.load(id)
				.flatMap(stored -> sheet.render(stored, member, FormFeedback.saved(done), HttpStatus.OK)));
	}

	/**
	 * A material file, shown in the browser. Materials are personal documents: only those who see the applicant
	 * unmasked get them. Their type was checked by content on upload; the sandbox keeps a PDF's scripts away from
	 * the console.
	 */
	@GetMapping("/staff/cases/{id}/materials/{materialId}")
	Mono<ResponseEntity<byte[]>> material(@PathVariable String id, @PathVariable String materialId) {
		return identity.signedIn().flatMap(member -> sheet.load(id)
				.filter(stored -> CaseAccess.seesPersonalData(member, stored.file()))
				.switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.FORBIDDEN)))
				.then(CaseSheet.isId(materialId) ? casework.material(id, materialId) : Mono.empty())
				.switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)))
				.map(file -> ResponseEntity.ok()
						.contentType(MediaType.parseMediaType(file.contentType()))
						.header(HttpHeaders.CONTENT_DISPOSITION,
								ContentDisposition.inline().filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
						.header("Content-Security-Policy", "sandbox")
						.body(file.content())));
	}
}
