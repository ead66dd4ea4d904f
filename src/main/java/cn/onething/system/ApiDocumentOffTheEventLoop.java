package cn.onething.system;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Serves the OpenAPI document from a bounded scheduler instead of a Netty event loop. springdoc builds the document
 * synchronously inside its controller on the first request (seconds of reflection on an idle machine, 39 to 51 s on
 * a loaded one), and every connection that event loop serves waits that long. Subscribing the route's chain here
 * moves the controller's invocation, and with it the build, onto this scheduler; later requests read springdoc's
 * cached copy.
 */
@Component
class ApiDocumentOffTheEventLoop implements WebFilter, DisposableBean {

	private final Scheduler building = Schedulers.newBoundedElastic(1, 16, "api-document");
	private final String path;

	ApiDocumentOffTheEventLoop(@Value("${springdoc.api-docs.path:/v3/api-docs}") String path) {
		this.path = path;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!exchange.getRequest().getPath().pathWithinApplication().value().startsWith(path)) {
			return chain.filter(exchange);
		}
		return chain.filter(exchange).subscribeOn(building);
	}

	@Override
	public void destroy() {
		building.dispose();
	}
}
