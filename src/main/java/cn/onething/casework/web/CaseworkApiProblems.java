package cn.onething.casework.web;

import cn.onething.casework.CaseInputRejected;
import cn.onething.casework.Casework;
import cn.onething.casework.IdempotencyKeyReused;
import cn.onething.casework.model.CaseRuleViolation;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Casework's refusals as problem documents for the JSON API (pages show them in their forms instead): bad input
 * 422 with every field, a command the case's state does not allow 409, an unknown case 404.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CaseworkApiProblems {

	@ExceptionHandler(CaseInputRejected.class)
	ProblemDetail invalid(CaseInputRejected rejected) {
		return ProblemDocuments.invalidFields(rejected.problems(), null);
	}

	/** 行政许可法 and the bundle's plan decide what may happen next: the request came at the wrong moment. */
	@ExceptionHandler(CaseRuleViolation.class)
	ProblemDetail ruleViolated(CaseRuleViolation violation) {
		return ProblemDocuments.problem(HttpStatus.CONFLICT, ProblemDocuments.CASE_RULE, "Not allowed in the case's current state",
				violation.getMessage());
	}

	@ExceptionHandler(Casework.CaseNotFound.class)
	ProblemDetail notFound() {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "没有这个案件");
	}

	@ExceptionHandler(IdempotencyKeyReused.class)
	ProblemDetail keyReused() {
		return ProblemDocuments.problem(HttpStatus.UNPROCESSABLE_CONTENT, ProblemDocuments.IDEMPOTENCY_KEY_REUSED,
				"Idempotency-Key already used for a different request",
				"这个 Idempotency-Key 已用于另一份不同的申请，本次未提交。每份新申请请使用新的键（如 UUID）。");
	}
}
