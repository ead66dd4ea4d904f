package cn.onething.system;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

/**
 * API errors as RFC 9457 problem documents. Limited to REST controllers: pages keep the friendly Chinese error
 * pages under templates/error/. A module answers with a problem of its own by throwing an
 * {@link ErrorResponseException} that carries it.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems {

	@ExceptionHandler(ErrorResponseException.class)
	ResponseEntity<ProblemDetail> problem(ErrorResponseException exception) {
		ProblemDetail problem = exception.getBody();
		if (exception instanceof ResponseStatusException status) {
			problem.setDetail(status.getReason());
		}
		// e.g. Retry-After of a 429, Allow of a 405
		return ResponseEntity.status(exception.getStatusCode()).headers(exception.getHeaders()).body(problem);
	}
}
