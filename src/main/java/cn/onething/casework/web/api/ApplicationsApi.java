package cn.onething.casework.web.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import cn.onething.bundle.Bundle;
import cn.onething.bundle.Bundles;
import cn.onething.casework.BundleFiling;
import cn.onething.casework.CaseInputRejected;
import cn.onething.casework.CaseLinks;
import cn.onething.casework.CaseLookup;
import cn.onething.casework.Casework;
import cn.onething.casework.IdempotencyKey;
import cn.onething.casework.Remedies;
import cn.onething.casework.Submission;
import cn.onething.casework.Upload;
import cn.onething.casework.model.Actor;
import cn.onething.casework.web.ProblemDocuments;
import cn.onething.casework.web.UploadParts;
import cn.onething.catalog.Catalog;
import cn.onething.catalog.CatalogProperties;
import cn.onething.catalog.model.Department;
import cn.onething.catalog.model.Guide;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Applications filed by other systems (the regional platform, kiosks, apps) and followed by their applicants: the
 * same checks, the same case and the same receipt as the applicant's form page. Materials travel in the same
 * request (multipart), so an application is filed whole or not at all and one idempotency key covers its files too.
 */
@RestController
@RequestMapping("/api/applications")
@Tag(name = "applications", description = "Filing a one-thing bundle (一件事) and following its progress")
class ApplicationsApi {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";
	/** A header, not a query parameter: query strings end up in access logs, and these are personal data. */
	static final String PHONE_LAST4 = "X-Phone-Last4";

	/** Both request kinds are one operation in the OpenAPI document, with two content types. */
	private static final String FILE_SUMMARY = "File an application (JSON, or multipart with material files)";
	private static final String FILE_DESCRIPTION = "Checks every field with the bundle's rules (GET /api/bundles/{id}/form-schema) "
			+ "and files the case. Without files send the ApplicationRequest as application/json. With files send "
			+ "multipart/form-data: the ApplicationRequest as part 'application' (Content-Type application/json) and each "
			+ "material file as part 'material.<material key>' (keys in GET /api/bundles/{id}: materials[].key); PDF, JPEG or "
			+ "PNG, checked by content, each at most onething.casework.max-upload-size, together at most "
			+ "onething.casework.max-upload-request-size, in at most onething.casework.max-upload-parts parts. The Idempotency-Key header makes "
			+ "retries safe: the same key with the same body and files answers 200 with the first receipt and files nothing; "
			+ "the same key with anything different is refused with 422. Keys are remembered for 24 hours.";

	private final Bundles bundles;
	private final Remedies remedies;
	private final BundleFiling filing;
	private final CaseLookup lookup;
	private final Casework casework;
	private final CaseLinks links;
	private final Catalog catalog;
	private final CatalogProperties catalogProperties;
	private final UploadParts uploadParts;

	ApplicationsApi(Bundles bundles, BundleFiling filing, CaseLookup lookup, Casework casework, CaseLinks links,
			Catalog catalog, CatalogProperties catalogProperties, UploadParts uploadParts, Remedies remedies) {
		this.remedies = remedies;
		this.uploadParts = uploadParts;
		this.bundles = bundles;
		this.filing = filing;
		this.lookup = lookup;
		this.casework = casework;
		this.links = links;
		this.catalog = catalog;
		this.catalogProperties = catalogProperties;
	}

	@Operation(summary = FILE_SUMMARY, description = FILE_DESCRIPTION)
	@FilingResponses
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<FiledApplication>> file(@IdempotencyKeyHeader @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
			@RequestBody ApplicationRequest application) {
		return file(key, application, List.of());
	}

	@Operation(summary = FILE_SUMMARY, description = FILE_DESCRIPTION)
	@FilingResponses
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	Mono<ResponseEntity<FiledApplication>> fileWithMaterials(
			@IdempotencyKeyHeader @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
			@RequestPart("application") ApplicationRequest application, ServerWebExchange exchange) {
		return uploadParts.uploads(exchange).flatMap(uploads -> file(key, application, uploads));
	}

	/** Required, though not to Spring: a missing key gets our 400 that says what to send. */
	@Target(ElementType.PARAMETER)
	@Retention(RetentionPolicy.RUNTIME)
	@Parameter(required = true, description = "1-100 visible ASCII characters; a new UUID per application",
			example = "3f2b8c1e-4a8d-4f6e-9c1a-2b7d9e0f1a23")
	@interface IdempotencyKeyHeader {
	}

	@Target(ElementType.METHOD)
	@Retention(RetentionPolicy.RUNTIME)
	@ApiResponse(responseCode = "201", description = "Filed; Location is the progress resource")
	@ApiResponse(responseCode = "200", description = "A repeat of an earlier request with this key: its receipt, nothing filed "
			+ "(header Idempotent-Replayed: true)")
	@ApiResponse(responseCode = "400", description = "No usable Idempotency-Key header, or a body that is not JSON",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "422", description = "Fields or files to correct (type /problems/invalid-fields, every one "
			+ "listed in errors), or a key reused with a different request (type /problems/idempotency-key-reused)",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "413", description = "A file, the request or the number of parts over its limit (type "
			+ "/problems/upload-too-large; limit names the property, max its value); nothing is filed",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "503", description = "This replica already reads as many uploads as it may (type "
			+ "/problems/uploads-busy); send again after Retry-After seconds",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
	@interface FilingResponses {
	}

	@Operation(summary = "An application's progress",
			description = "Needs the last four digits of the applicant's phone in the X-Phone-Last4 header (not in the URL, "
					+ "which proxies log). A wrong receipt code and wrong digits get the same 404. After "
					+ "onething.casework.lookup-max-failures wrong digits in a row the receipt code is locked for a while "
					+ "(longer each time), for every caller: 429 with Retry-After, even with the right digits.")
	@ApiResponse(responseCode = "200", description = "The progress; personal data masked")
	@ApiResponse(responseCode = "404", description = "No application with this receipt code and these digits",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "429", description = "Too many wrong digits for this receipt code; see Retry-After (seconds)",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
	@GetMapping("/{receipt}")
	Mono<ResponseEntity<ApplicationProgress>> progress(@PathVariable String receipt,
			@Parameter(in = ParameterIn.HEADER, description = "The last four digits of the applicant's phone", example = "5678")
			@RequestHeader(name = PHONE_LAST4, required = false) String phoneLast4) {
		if (phoneLast4 == null || !phoneLast4.strip().matches("\\d{4}")) {
			return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"请在请求头 " + PHONE_LAST4 + " 中提供申请人手机号码的后四位"));
		}
		return lookup.find(receipt, phoneLast4.strip()).map(outcome -> {
			if (outcome instanceof CaseLookup.Found found) {
				return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(progress(found));
			}
			if (outcome instanceof CaseLookup.Locked locked) {
				throw new LookupLocked(locked);
			}
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "回执编号或手机号后四位不正确");
		});
	}

	private Mono<ResponseEntity<FiledApplication>> file(String key, ApplicationRequest application, List<Upload> uploads) {
		Optional<String> unusableKey = IdempotencyKey.problem(key);
		if (unusableKey.isPresent()) {
			return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"The " + IDEMPOTENCY_KEY + " header " + unusableKey.get() + "; send a new UUID per application"));
		}
		Map<String, String> problems = new LinkedHashMap<>();
		Bundle bundle = bundle(application, problems);
		Map<String, String> values = FormAnswers.read(application.form(), bundle, problems);
		if (bundle != null) {
			// an answer that could not be read says so, rather than that it is missing
			filing.problems(bundle, values, uploads).forEach(problems::putIfAbsent);
		}
		if (!problems.isEmpty()) {
			return Mono.error(invalid(problems, bundle));
		}
		return filing.file(bundle, values, uploads, Actor.applicant(), new IdempotencyKey(IdempotencyKey.API, key))
				.map(this::receipt)
				.onErrorMap(CaseInputRejected.class, rejected -> invalid(rejected.problems(), bundle));
	}

	/** The bundle named by the request, or null with the reason among the problems. */
	private Bundle bundle(ApplicationRequest application, Map<String, String> problems) {
		if (application.bundle() == null || application.bundle().isBlank()) {
			problems.put("bundle", "请指定要办理的一件事，如 newborn（全部一件事见 GET /api/bundles）");
			return null;
		}
		Bundle bundle = bundles.bundle(application.bundle().strip()).orElse(null);
		if (bundle == null) {
			problems.put("bundle", "没有“" + application.bundle().strip() + "”这件事（全部一件事见 GET /api/bundles）");
		}
		return bundle;
	}

	/** 422 naming every field, labelled as the bundle's form labels it. */
	private static ErrorResponseException invalid(Map<String, String> problems, Bundle bundle) {
		return new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT,
				ProblemDocuments.invalidFields(problems, bundle == null ? null : key -> BundleFiling.label(bundle, key)), null);
	}

	private ResponseEntity<FiledApplication> receipt(Submission submission) {
		FiledApplication filed = FiledApplication.of(submission.stored().file(), casework.calendar(), links,
				catalogProperties.publicBaseUrl());
		if (submission.replayed()) {
			return ResponseEntity.ok().header("Idempotent-Replayed", "true").body(filed);
		}
		return ResponseEntity.created(URI.create("/api/applications/" + filed.receiptCode())).body(filed);
	}

	private ApplicationProgress progress(CaseLookup.Found found) {
		var current = catalog.current();
		return ApplicationProgress.of(found.stored(), casework.calendar(), casework.today(),
				current.departments().stream().collect(Collectors.toMap(Department::id, Department::name)),
				current.guides().stream().collect(Collectors.toMap(Guide::code, Guide::name)), remedies, links);
	}

	/** 429 with Retry-After, the same for every receipt code. */
	static final class LookupLocked extends ResponseStatusException {

		private final long seconds;

		LookupLocked(CaseLookup.Locked locked) {
			super(HttpStatus.TOO_MANY_REQUESTS, "这个回执编号的查询错误次数过多，请 " + locked.minutes() + " 分钟后再试");
			this.seconds = Math.max(1, locked.retryAfter().toSeconds());
			getBody().setType(ProblemDocuments.LOOKUP_LOCKED);
		}

		@Override
		public HttpHeaders getHeaders() {
			HttpHeaders headers = new HttpHeaders();
			headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
			return headers;
		}
	}
}
