package cn.onething.rating.web;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.onething.rating.Ratings;
import cn.onething.rating.model.Channel;
import cn.onething.rating.model.Indicator;
import cn.onething.rating.model.Rating;
import cn.onething.rating.model.RatingAnswers;
import cn.onething.rating.model.RatingRefused;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * 好差评 by API, for the regional platform, apps and rating devices at the window: the same rules as the page, and the
 * same proof, the key of the case's signed progress link (in a header: URLs end up in logs).
 */
@RestController
@Tag(name = "ratings", description = "Rating a completed application (好差评)")
class RatingApi {

	static final String CASE_KEY = "X-Case-Key";
	static final URI INVALID_FIELDS = URI.create("/problems/invalid-fields");
	static final URI RATING_REFUSED = URI.create("/problems/rating-refused");
	static final URI NOT_PERMITTED = URI.create("/problems/not-permitted");

	/** The body: level and indicators by their codes, as in the OpenAPI document. */
	record RatingRequest(
			@Schema(description = "very-satisfied, satisfied, basically-satisfied, dissatisfied or very-dissatisfied") String level,
			@Schema(description = "online-efficiency, online-guide-accuracy, online-convenience, online-usability, "
					+ "onsite-efficiency, onsite-competence, onsite-attitude") List<String> indicators,
			@Schema(description = "At most 500 characters; needed (or an indicator) for dissatisfied ratings") String comment,
			@Schema(description = "online (default), mobile or onsite") String channel) {
	}

	/** A stored rating with the fields national platforms exchange; score 5 is 非常满意, 1 非常不满意. */
	record RatingAnswer(UUID ratingId, String caseId, String receiptCode, String bundleId, List<String> itemCodes,
			List<String> departmentIds, String channel, String level, int score, List<String> indicators, String comment,
			Instant ratedAt) {

		static RatingAnswer of(Rating rating) {
			return new RatingAnswer(rating.id(), rating.caseId(), rating.receiptCode(), rating.bundleId(), rating.itemCodes(),
					rating.departmentIds(), rating.channel().code(), rating.level().code(), rating.level().score(),
					rating.indicators().stream().map(Indicator::code).toList(), rating.comment(), rating.ratedAt());
		}
	}

	private final Ratings ratings;

	RatingApi(Ratings ratings) {
		this.ratings = ratings;
	}

	@Operation(summary = "Rate a completed application (好差评), once",
			description = "Needs the key of the application's signed progress link (the k of progressUrl in the filing's answer) "
					+ "in the X-Case-Key header. A dissatisfied rating opens a follow-up for the hall's supervisors.")
	@ApiResponse(responseCode = "201", description = "Rated")
	@ApiResponse(responseCode = "403", description = "No key, or not this application's (type /problems/not-permitted); nothing stored",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "409", description = "Not completed yet, or rated before (type /problems/rating-refused); nothing stored",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "422", description = "Fields to correct (type /problems/invalid-fields, every one in errors)",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
	@PostMapping(path = "/api/applications/{receipt}/rating", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<RatingAnswer>> rate(@PathVariable String receipt,
			@Parameter(in = ParameterIn.HEADER, description = "The key of the signed progress link")
			@RequestHeader(name = CASE_KEY, required = false) String key,
			@RequestBody RatingRequest request) {
		return Mono.fromCallable(() -> read(request))
				.flatMap(read -> ratings.rate(receipt, key, read.answers(), read.channel()))
				.map(rating -> ResponseEntity.created(URI.create("/api/applications/" + rating.receiptCode() + "/rating"))
						.body(RatingAnswer.of(rating)))
				.onErrorMap(RatingAnswers.Rejected.class, rejected -> invalid(rejected.problems()))
				.onErrorMap(RatingRefused.class, refused -> problem(HttpStatus.CONFLICT, RATING_REFUSED, "Rating refused",
						refused.getMessage()))
				.onErrorMap(Ratings.WrongKey.class, wrong -> problem(HttpStatus.FORBIDDEN, NOT_PERMITTED, "Not permitted",
						"请在请求头 " + CASE_KEY + " 中提供本办件进度链接的密钥（progressUrl 中的 k）"));
	}

	private record Read(RatingAnswers answers, Channel channel) {
	}

	/** Every wrong field at once, the channel's among them. */
	private static Read read(RatingRequest request) {
		Map<String, String> problems = new LinkedHashMap<>();
		Channel channel = request.channel() == null ? Channel.ONLINE : Channel.ofCode(request.channel().strip()).orElse(null);
		if (channel == null) {
			problems.put("channel", "评价渠道只能是 online（网上）、mobile（移动端）或 onsite（现场）");
		}
		RatingAnswers answers = null;
		try {
			answers = RatingAnswers.read(request.level(), request.indicators(), request.comment());
		}
		catch (RatingAnswers.Rejected rejected) {
			problems.putAll(rejected.problems());
		}
		if (!problems.isEmpty()) {
			throw new RatingAnswers.Rejected(problems);
		}
		return new Read(answers, channel);
	}

	private static ErrorResponseException invalid(Map<String, String> problems) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				"有 " + problems.size() + " 项需要修改，未保存任何内容。");
		problem.setType(INVALID_FIELDS);
		problem.setTitle("Invalid fields");
		problem.setProperty("errors", problems.entrySet().stream()
				.map(entry -> Map.of("field", entry.getKey(), "message", entry.getValue())).toList());
		return new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT, problem, null);
	}

	private static ErrorResponseException problem(HttpStatus status, URI type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		problem.setTitle(title);
		return new ErrorResponseException(status, problem, null);
	}
}
