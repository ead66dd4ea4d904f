package cn.onething.identity.web;

import java.time.Instant;
import java.util.Set;

import cn.onething.identity.StaffMember;
import cn.onething.identity.StaffRole;
import cn.onething.identity.internal.SignInAttempts;
import cn.onething.identity.session.BearerTokens;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
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

	record Token(@Schema(description = "Send as Authorization: Bearer <token>") String token,
			@Schema(example = "Bearer") String tokenType, Instant expiresAt, String username, String displayName,
			String departmentId, Set<StaffRole> roles) {
	}

	private final SignInAttempts signIn;
	private final BearerTokens tokens;

	StaffTokenApi(SignInAttempts signIn, BearerTokens tokens) {
		this.signIn = signIn;
		this.tokens = tokens;
	}

	@Operation(summary = "Sign in and get a bearer token for /api/staff",
			description = "The token lasts onething.identity.session-timeout (8 h) and is not renewed; sign in again after. "
					+ "onething.identity.max-failed-sign-ins wrong passwords in a row lock the account, as on the sign-in page.")
	@ApiResponse(responseCode = "200", description = "Signed in")
	@ApiResponse(responseCode = "401", description = "Wrong username or password, or the account is locked")
	@PostMapping(StaffApiSecurity.TOKENS)
	Mono<Token> signIn(@RequestBody SignIn request) {
		String password = request.password() == null ? "" : request.password();
		return signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(request.username(), password))
				.map(authentication -> {
					StaffMember member = (StaffMember) authentication.getPrincipal();
					BearerTokens.Issued issued = tokens.issue(member);
					return new Token(issued.token(), "Bearer", issued.expiresAt(), member.username(), member.displayName(),
							member.departmentId(), member.roles());
				})
				.onErrorMap(AuthenticationException.class, failed -> new ResponseStatusException(HttpStatus.UNAUTHORIZED,
						failed instanceof LockedException ? "密码连续输错次数过多，账号已锁定，请稍后再试" : "用户名或密码不正确"));
	}
}
