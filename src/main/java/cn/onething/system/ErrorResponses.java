package cn.onething.system;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webflux.autoconfigure.error.DefaultErrorWebExceptionHandler;
import org.springframework.boot.webflux.error.ErrorAttributes;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.ErrorResponse;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import reactor.core.publisher.Mono;

/**
 * Errors that no controller answered (a filter refused the request, or something failed): the Chinese error pages
 * under templates/error/ for people, and a problem document (RFC 9457) for anything under /api, as controllers
 * answer there. Replaces Spring Boot's handler, whose ERROR line holds the whole address: a progress link's key
 * sits in its query, so the line here names the path only.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
class ErrorResponses {

	@Bean
	@Order(-2) // where Spring Boot puts its own: before WebFlux's last-resort handler
	ErrorWebExceptionHandler errorWebExceptionHandler(ErrorAttributes errorAttributes, WebProperties web,
			ObjectProvider<ViewResolver> viewResolvers, ServerCodecConfigurer codecs, ApplicationContext context) {
		var handler = new PagesOrProblems(errorAttributes, web, context);
		handler.setViewResolvers(viewResolvers.orderedStream().toList());
		handler.setMessageWriters(codecs.getWriters());
		handler.setMessageReaders(codecs.getReaders());
		return handler;
	}

	private static final class PagesOrProblems extends DefaultErrorWebExceptionHandler {

		private static final Log log = LogFactory.getLog(ErrorResponses.class);

		PagesOrProblems(ErrorAttributes errorAttributes, WebProperties web, ApplicationContext context) {
			super(errorAttributes, web.getResources(), web.getError(), context);
		}

		@Override
		protected RouterFunction<ServerResponse> getRoutingFunction(ErrorAttributes errorAttributes) {
			return RouterFunctions.route(RequestPredicates.path("/api/**"), this::problem)
					.and(super.getRoutingFunction(errorAttributes));
		}

		private Mono<ServerResponse> problem(ServerRequest request) {
			ProblemDetail problem = getError(request) instanceof ErrorResponse answer ? answer.getBody()
					: ProblemDetail.forStatus(HttpStatus.INTERNAL_SERVER_ERROR);
			return ServerResponse.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
					.bodyValue(problem);
		}

		@Override
		protected void logError(ServerRequest request, ServerResponse response, Throwable throwable) {
			if (response.statusCode().is5xxServerError()) {
				log.error(request.exchange().getLogPrefix() + response.statusCode().value() + " for "
						+ request.method() + " " + request.path(), throwable);
			}
		}
	}
}
