package cn.onething.identity.web;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import cn.onething.identity.Identity;
import cn.onething.identity.StaffMember;
import cn.onething.identity.StaffRole;
import cn.onething.identity.internal.SignInAttempts;
import cn.onething.identity.internal.StaffAuthorities;
import cn.onething.identity.session.BearerTokens;
import cn.onething.identity.session.SessionRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Staff sign in to the API with their console username and password and get a bearer token. Wrong passwords count
 * towards the same lock as the console's sign-in page.
 */
@RestController
@Tag(name = "staff", description = "The staff console's work by API: sign-in, queues, cases and decisions")
@SecurityScheme(name = StaffTokenApi.SCHEME, type = SecuritySchemeType.HTTP, scheme = "bearer",
		description = "A token from POST /api/staff/tokens")
class StaffTokenApi {

	/** The OpenAPI security scheme the staff endpoints name. */
	static final String SCHEME = "staffToken";

	record SignIn(@Schema(example = "police") String username, @Schema(example = "onething-demo") String password) {
	}

	record Token(@Schema(description = "The token's id, to revoke it") UUID id,
			@Schema(description = "Send as Authorization: Bearer <token>") String token,
			@Schema(example = "Bearer") String tokenType, Instant expiresAt, String username, String displayName,
			String departmentId, Set<StaffRole> roles) {
	}

	record TokenInfo(UUID id, Instant createdAt, Instant expiresAt, @Schema(description = "The address it was issued to") String client) {
	}

	private final SignInAttempts signIn;
	private final BearerTokens tokens;
	private final SessionRegistry sessions;
	private final Identity identity;

	StaffTokenApi(SignInAttempts signIn, BearerTokens tokens, SessionRegistry sessions, Identity identity) {
		this.signIn = signIn;
		this.tokens = tokens;
		this.sessions = sessions;
		this.identity = identity;
	}

	@Operation(summary = "Sign in and get a bearer token for /api/staff",
			description = "The token lasts onething.identity.session-lifetime (10 h) and is not renewed; sign in again after. "
					+ "onething.identity.max-failed-sign-ins wrong passwords in a row from one address stop sign-ins to that user name "
					+ "from that address for onething.identity.lock-duration, as on the sign-in page.")
	@ApiResponse(responseCode = "200", description = "Signed in")
	@ApiResponse(responseCode = "403", description = "The password was set by someone else: choose one at /staff/password first")
	@ApiResponse(responseCode = "401", description = "Wrong username or password, or sign-ins to it from this address are paused")
	@PostMapping(StaffApiSecurity.TOKENS)
	Mono<Token> signIn(@RequestBody SignIn request, ServerWebExchange exchange) {
		String password = request.password() == null ? "" : request.password();
		return signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(request.username(), password))
				.flatMap(authentication -> StaffAuthorities.passwordChangeRequired(authentication)
						? Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN, "请先登录工作台（/staff）设置自己的新密码，再取得令牌"))
						: Mono.just((StaffMember) authentication.getPrincipal()))
				.flatMap(member -> tokens.issue(member, exchange).map(issued -> new Token(issued.id(), issued.token(), "Bearer",
						issued.expiresAt(), member.username(), member.displayName(), member.departmentId(), member.roles())))
				.onErrorMap(AuthenticationException.class, failed -> new ResponseStatusException(HttpStatus.UNAUTHORIZED,
						failed instanceof LockedException ? "密码连续输错次数过多，从此地址登录该账号已暂停，请稍后再试" : "用户名或密码不正确"));
	}

	@Operation(summary = "The signed-in member's API tokens that still work", security = @SecurityRequirement(name = SCHEME))
	@GetMapping(StaffApiSecurity.TOKENS)
	Flux<TokenInfo> tokens() {
		return identity.signedIn().flatMapMany(member -> sessions.live(member.username()))
				.filter(session -> session.kind() == SessionRegistry.Kind.API)
				.map(session -> new TokenInfo(session.id(), session.createdAt(), session.endsAt(), session.client()));
	}

	@Operation(summary = "Revoke one of the signed-in member's API tokens (this one included); every replica refuses it "
			+ "within onething.identity.revocation-check-interval (5 s)", security = @SecurityRequirement(name = SCHEME))
	@ApiResponse(responseCode = "204", description = "Revoked")
	@ApiResponse(responseCode = "404", description = "No such token of this member that still works")
	@DeleteMapping(StaffApiSecurity.TOKENS + "/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> revoke(@PathVariable UUID id) {
		return identity.signedIn().flatMap(member -> sessions.revoke(id, member.username()))
				.filter(Boolean::booleanValue)
				.switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这个仍有效的令牌")))
				.then();
	}
}
