package cn.onething.system;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.server.session.WebSessionManager;
import reactor.core.publisher.Mono;

/**
 * The service keeps no server-side sessions: replicas share nothing but PostgreSQL, so a session held in one
 * replica's memory would be gone on the next request's replica. Staff sign-in and CSRF tokens live in signed
 * cookies, applicants have none. Spring's default manager still makes an in-memory session whenever something asks
 * for one (Thymeleaf does, for every page it renders), and makes it on one thread pool and hands it back on another:
 * two thread switches per page for a session nobody keeps. This manager gives each request a session of its own that
 * lives as long as the request and refuses to be saved, so a feature that starts relying on server sessions fails
 * loudly instead of working on one replica only.
 */
@Component(WebHttpHandlerBuilder.WEB_SESSION_MANAGER_BEAN_NAME)
final class NoServerSessions implements WebSessionManager {

	@Override
	public Mono<WebSession> getSession(ServerWebExchange exchange) {
		return Mono.just(new RequestSession(Instant.now()));
	}

	private static final class RequestSession implements WebSession {

		private final Instant created;
		private final Map<String, Object> attributes = new HashMap<>();
		private boolean started;

		RequestSession(Instant created) {
			this.created = created;
		}

		@Override
		public String getId() {
			return "";
		}

		@Override
		public Map<String, Object> getAttributes() {
			return attributes;
		}

		@Override
		public void start() {
			started = true;
		}

		@Override
		public boolean isStarted() {
			return started || !attributes.isEmpty();
		}

		@Override
		public Mono<Void> changeSessionId() {
			return Mono.empty();
		}

		@Override
		public Mono<Void> invalidate() {
			attributes.clear();
			started = false;
			return Mono.empty();
		}

		@Override
		public Mono<Void> save() {
			return isStarted()
					? Mono.error(new IllegalStateException("this service keeps no server sessions; keep state in a signed cookie or in PostgreSQL"))
					: Mono.empty();
		}

		@Override
		public boolean isExpired() {
			return false;
		}

		@Override
		public Instant getCreationTime() {
			return created;
		}

		@Override
		public Instant getLastAccessTime() {
			return created;
		}

		@Override
		public void setMaxIdleTime(Duration maxIdleTime) {
		}

		@Override
		public Duration getMaxIdleTime() {
			return Duration.ZERO;
		}
	}
}
