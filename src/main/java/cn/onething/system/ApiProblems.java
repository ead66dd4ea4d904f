package cn.onething.system;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

/**
 * API errors as RFC 9457 problem documents. Limited to REST controllers: pages keep the friendly Chinese error
 * pages under templates/error/.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems {

	@ExceptionHandler(ResponseStatusException.class)
	ResponseEntity<ProblemDetail> statusProblem(ResponseStatusException exception) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(exception.getStatusCode(), exception.getReason());
		return ResponseEntity.status(exception.getStatusCode()).body(problem);
	}
}
