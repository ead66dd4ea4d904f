package cn.onething.identity.session;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import cn.onething.identity.IdentityProperties;
import cn.onething.identity.StaffMember;
import cn.onething.identity.internal.ClientAddress;
import cn.onething.identity.internal.StaffAccountStore;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Staff API tokens: the console's signed session ticket, signed with a key of its own and sent as {@code
 * Authorization: Bearer}. A browser never sends that header by itself, so the API needs no CSRF token, and the
 * console's cookie (which browsers do send) is no key to the API. Each token is a row of identity_session, so its
 * owner (or an operator) can list and revoke it; changed roles are noticed within
 * {@link CookieSecurityContextRepository#RECHECK_AFTER}. A token lasts {@code session-lifetime} from its issue and
 * is not renewed: the client signs in again. A member who must change their password gets none (StaffTokenApi).
 */
@Component
public class BearerTokens implements ServerSecurityContextRepository {

	/** A token, its id (to list and revoke it) and the moment it stops working. */
	public record Issued(UUID id, String token, Instant expiresAt) {
	}

	private static final String BEARER = "Bearer ";

	private final SignedSessions tokens;
	private final SessionRegistry registry;
	private final StaffAccountStore accounts;
	private final IdentityProperties properties;
	private final Clock clock;

	BearerTokens(IdentityProperties properties, SessionRegistry registry, StaffAccountStore accounts, JsonMapper json,
			Optional<Clock> clock) {
		this.tokens = SignedSessions.forPurpose("api-token", properties, json);
		this.registry = registry;
		this.accounts = accounts;
		this.properties = properties;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	public Mono<Issued> issue(StaffMember member, ServerWebExchange exchange) {
		Instant now = clock.instant();
		Instant expiresAt = now.plus(properties.sessionLifetime());
		return registry.open(member.username(), SessionRegistry.Kind.API, expiresAt, ClientAddress.of(exchange))
				.map(id -> new Issued(id, tokens.sign(SignedSessions.Ticket.of(id, member, now, expiresAt, expiresAt)), expiresAt));
	}

	/** Nothing to save: the client keeps the token. */
	@Override
	public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
		return Mono.empty();
	}

	@Override
	public Mono<SecurityContext> load(ServerWebExchange exchange) {
		String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return Mono.empty();
		}
		Instant now = clock.instant();
		return Mono.justOrEmpty(tokens.verify(header.substring(BEARER.length()).strip(), now))
				.filterWhen(ticket -> registry.isLive(ticket.session()))
				.flatMap(ticket -> ticket.checkedBefore(now.minus(CookieSecurityContextRepository.RECHECK_AFTER))
						? accounts.enabledMember(ticket.username())
						: Mono.just(ticket.member()))
				.map(member -> CookieSecurityContextRepository.context(member, false));
	}
}
