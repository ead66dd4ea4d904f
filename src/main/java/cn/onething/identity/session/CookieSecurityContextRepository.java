package cn.onething.identity.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import cn.onething.identity.IdentityProperties;
import cn.onething.identity.StaffMember;
import cn.onething.identity.internal.StaffAccountStore;
import cn.onething.identity.internal.StaffUser;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the signed-in staff member in a signed, HttpOnly, SameSite=Lax cookie instead of a server session, so the
 * console runs on any number of replicas without sticky sessions. The session slides: each use after
 * {@link #RECHECK_AFTER} re-reads the account and extends the cookie by {@code session-timeout}.
 */
@Component
public class CookieSecurityContextRepository implements ServerSecurityContextRepository {

	public static final String COOKIE = "ONETHING_STAFF";
	/** The console's paths: the cookie never travels with applicant pages. */
	static final String PATH = "/staff";
	/**
	 * A disabled account or changed roles take effect within this time, at one database read per member per interval.
	 */
	static final Duration RECHECK_AFTER = Duration.ofMinutes(5);

	/** Spring Security reads the context several times per request; the cookie is checked (and renewed) once. */
	private static final String LOADED = CookieSecurityContextRepository.class.getName() + ".loaded";

	private final SignedSessions sessions;
	private final StaffAccountStore accounts;
	private final Duration timeout;
	private final Clock clock;

	CookieSecurityContextRepository(IdentityProperties properties, StaffAccountStore accounts, JsonMapper json,
			Optional<Clock> clock) {
		this.sessions = SignedSessions.forPurpose("session", properties, json);
		this.accounts = accounts;
		this.timeout = properties.sessionTimeout();
		this.clock = clock.orElse(Clock.systemUTC());
	}

	@Override
	public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
		Authentication authentication = context == null ? null : context.getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof StaffMember member) {
			write(exchange, member, clock.instant());
		}
		else {
			clear(exchange);
		}
		return Mono.empty();
	}

	@Override
	@SuppressWarnings("unchecked")
	public Mono<SecurityContext> load(ServerWebExchange exchange) {
		return (Mono<SecurityContext>) exchange.getAttributes().computeIfAbsent(LOADED, name -> read(exchange).cache());
	}

	private Mono<SecurityContext> read(ServerWebExchange exchange) {
		HttpCookie cookie = exchange.getRequest().getCookies().getFirst(COOKIE);
		if (cookie == null) {
			return Mono.empty();
		}
		Instant now = clock.instant();
		Optional<SignedSessions.Ticket> ticket = sessions.verify(cookie.getValue(), now);
		if (ticket.isEmpty()) {
			clear(exchange);
			return Mono.empty();
		}
		Mono<StaffMember> member = ticket.get().checkedBefore(now.minus(RECHECK_AFTER))
				? recheck(exchange, ticket.get().member().username(), now)
				: Mono.just(ticket.get().member());
		return member.map(CookieSecurityContextRepository::context);
	}

	private Mono<StaffMember> recheck(ServerWebExchange exchange, String username, Instant now) {
		return accounts.enabledMember(username)
				.doOnNext(member -> write(exchange, member, now))
				.switchIfEmpty(Mono.fromRunnable(() -> clear(exchange)));
	}

	private void write(ServerWebExchange exchange, StaffMember member, Instant now) {
		setCookie(exchange, sessions.sign(SignedSessions.Ticket.of(member, now, now.plus(timeout))), timeout);
	}

	private void clear(ServerWebExchange exchange) {
		setCookie(exchange, "", Duration.ZERO);
	}

	/** Replaces rather than adds: a renewal and a sign-out in one request must not send two cookies. */
	private static void setCookie(ServerWebExchange exchange, String value, Duration maxAge) {
		ResponseCookie cookie = ResponseCookie.from(COOKIE, value).path(PATH).httpOnly(true).sameSite("Lax")
				.secure(exchange.getRequest().getSslInfo() != null).maxAge(maxAge).build();
		exchange.getResponse().getCookies().set(COOKIE, cookie);
	}

	static SecurityContext context(StaffMember member) {
		return new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(member, null,
				StaffUser.authoritiesOf(member)));
	}
}
