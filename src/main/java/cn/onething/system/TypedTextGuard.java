package cn.onething.system;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.onething.shared.TypedText;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses, with 400 and before any route sees it, an address or a submitted form that no browser sends for a
 * person's input: a broken percent-encoding ({@code %G1}), or decoded text that {@link TypedText} refuses (a NUL
 * byte, {@code %FF%FE}). Without it such input reaches PostgreSQL or a decoder deep inside a route and ends as a 500.
 * JSON bodies and form answers are checked where they are read, since only there is the field known.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class TypedTextGuard implements WebFilter {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		Optional<String> problem = addressProblem(exchange.getRequest());
		if (problem.isPresent()) {
			return Mono.error(new ServerWebInputException(problem.get()));
		}
		return chain.filter(new CheckedForm(exchange));
	}

	private static Optional<String> addressProblem(ServerHttpRequest request) {
		try {
			for (PathContainer.Element element : request.getPath().pathWithinApplication().elements()) {
				if (element instanceof PathContainer.PathSegment segment && !TypedText.isClean(segment.valueToMatch())) {
					return Optional.of("地址中含有无法识别的字符");
				}
			}
			return textProblem("地址参数", request.getQueryParams());
		}
		catch (IllegalArgumentException brokenEncoding) {
			return Optional.of("地址的编码无效");
		}
	}

	private static Optional<String> textProblem(String what, MultiValueMap<String, String> values) {
		for (Map.Entry<String, List<String>> entry : values.entrySet()) {
			boolean clean = TypedText.isClean(entry.getKey()) && entry.getValue().stream().allMatch(v -> v == null || TypedText.isClean(v));
			if (!clean) {
				return Optional.of(what + "“" + (TypedText.isClean(entry.getKey()) ? entry.getKey() : "?") + "”" + TypedText.REASON);
			}
		}
		return Optional.empty();
	}

	/** The exchange whose form data is checked when a route (or sign-in) reads it. */
	private static final class CheckedForm extends ServerWebExchangeDecorator {

		private final Mono<MultiValueMap<String, String>> form;

		CheckedForm(ServerWebExchange delegate) {
			super(delegate);
			this.form = delegate.getFormData()
					.onErrorMap(IllegalArgumentException.class, broken -> new ServerWebInputException("表单内容的编码无效"))
					.flatMap(values -> textProblem("表单项", values)
							.map(problem -> Mono.<MultiValueMap<String, String>>error(new ServerWebInputException(problem)))
							.orElseGet(() -> Mono.just(values)));
		}

		@Override
		public Mono<MultiValueMap<String, String>> getFormData() {
			return form;
		}
	}
}
