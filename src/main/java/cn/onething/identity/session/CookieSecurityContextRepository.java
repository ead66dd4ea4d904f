package cn.onething.identity.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import cn.onething.identity.IdentityProperties;
import cn.onething.identity.StaffMember;
import cn.onething.identity.internal.ClientAddress;
import cn.onething.identity.internal.StaffAccountStore;
import cn.onething.identity.internal.StaffAuthorities;
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
 * console runs on any number of replicas without sticky sessions. The cookie names its row in identity_session,
 * which says whether the session was ended (signed out, account disabled) on any replica. The session slides: each
 * use after {@link #RECHECK_AFTER} re-reads the account and extends the cookie by {@code session-timeout}, never
 * past {@code session-lifetime} from the sign-in.
 */
@Component
public class CookieSecurityContextRepository implements ServerSecurityContextRepository {

	public static final String COOKIE = "ONETHING_STAFF";
	/** The console's paths: the cookie never travels with applicant pages. */
	static final String PATH = "/staff";
	/**
	 * Changed roles take effect within this time, at one database read per member per interval. (A disabled account
	 * is quicker: disabling ends its sessions.)
	 */
	static final Duration RECHECK_AFTER = Duration.ofMinutes(5);

	/** Spring Security reads the context several times per request; the cookie is checked (and renewed) once. */
	private static final String LOADED = CookieSecurityContextRepository.class.getName() + ".loaded";

	private final SignedSessions sessions;
	private final SessionRegistry registry;
	private final StaffAccountStore accounts;
	private final Duration timeout;
	private final Duration lifetime;
	private final Clock clock;

	CookieSecurityContextRepository(IdentityProperties properties, SessionRegistry registry, StaffAccountStore accounts,
			JsonMapper json, Optional<Clock> clock) {
		this.sessions = SignedSessions.forPurpose("session", properties, json);
		this.registry = registry;
		this.accounts = accounts;
		this.timeout = properties.sessionTimeout();
		this.lifetime = properties.sessionLifetime();
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** Opens a session at sign-in; anything else (signing out) clears the cookie. */
	@Override
	public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
		Authentication authentication = context == null ? null : context.getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof StaffMember member) {
			return open(exchange, member, StaffAuthorities.passwordChangeRequired(authentication));
		}
		clear(exchange);
		return Mono.empty();
	}

	/** A new console session for the member, however they proved who they are (password or single sign-on). */
	public Mono<Void> open(ServerWebExchange exchange, StaffMember member, boolean passwordChangeRequired) {
		Instant now = clock.instant();
		Instant endsAt = now.plus(lifetime);
		return registry.open(member.username(), SessionRegistry.Kind.CONSOLE, endsAt, ClientAddress.of(exchange))
				.doOnNext(session -> write(exchange, SignedSessions.Ticket.of(session, member, now, now.plus(timeout), endsAt)
						.requiringPasswordChange(passwordChangeRequired)))
				.then();
	}

	/** Signing out: the session ends on every replica, not only in this browser. */
	public Mono<Void> end(ServerWebExchange exchange) {
		HttpCookie cookie = exchange.getRequest().getCookies().getFirst(COOKIE);
		clear(exchange);
		return Mono.justOrEmpty(cookie == null ? Optional.empty() : sessions.verify(cookie.getValue(), clock.instant()))
				.flatMap(ticket -> registry.revoke(ticket.session(), ticket.username())).then();
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
		Optional<SignedSessions.Ticket> verified = sessions.verify(cookie.getValue(), now);
		if (verified.isEmpty()) {
			clear(exchange);
			return Mono.empty();
		}
		SignedSessions.Ticket ticket = verified.get();
		return Mono.just(ticket).filterWhen(live -> registry.isLive(live.session()))
				.flatMap(live -> live.checkedBefore(now.minus(RECHECK_AFTER)) ? recheck(exchange, live, now) : Mono.just(live))
				.map(live -> context(live.member(), live.passwordChangeRequired()))
				.switchIfEmpty(Mono.fromRunnable(() -> clear(exchange)));
	}

	private Mono<SignedSessions.Ticket> recheck(ServerWebExchange exchange, SignedSessions.Ticket ticket, Instant now) {
		return accounts.byUsername(ticket.username()).filter(StaffAccountStore.StaffAccount::enabled)
				.map(account -> SignedSessions.Ticket.of(ticket.session(), account.member(), now, now.plus(timeout), ticket.ends())
						.requiringPasswordChange(account.mustChangePassword()))
				.doOnNext(renewed -> write(exchange, renewed));
	}

	private void write(ServerWebExchange exchange, SignedSessions.Ticket ticket) {
		Duration maxAge = Duration.ofSeconds(ticket.expiresAt() - clock.instant().getEpochSecond());
		setCookie(exchange, sessions.sign(ticket), maxAge);
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

	static SecurityContext context(StaffMember member, boolean passwordChangeRequired) {
		return new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(member, null,
				StaffAuthorities.of(member, passwordChangeRequired)));
	}
}
