package cn.onething.identity.web;

import cn.onething.identity.StaffMember;
import cn.onething.identity.accounts.StaffAccounts;
import cn.onething.identity.internal.AccountProblem;
import cn.onething.identity.internal.SignInAttempts;
import cn.onething.identity.internal.StaffAuthorities;
import cn.onething.identity.session.CookieSecurityContextRepository;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * 修改密码: a member replaces their password, proving the current one first (counted like a sign-in, so a borrowed
 * session cannot guess it). Afterwards every other session of the account has ended and this browser has a fresh one.
 */
@Controller
class PasswordPage {

	private final StaffAccounts accounts;
	private final SignInAttempts signIn;
	private final CookieSecurityContextRepository sessions;

	PasswordPage(StaffAccounts accounts, SignInAttempts signIn, CookieSecurityContextRepository sessions) {
		this.accounts = accounts;
		this.signIn = signIn;
		this.sessions = sessions;
	}

	@GetMapping(StaffSecurity.PASSWORD)
	Mono<Rendering> form() {
		return signedIn().map(authentication -> page(authentication, null, HttpStatus.OK));
	}

	@PostMapping(StaffSecurity.PASSWORD)
	Mono<Rendering> change(ServerWebExchange exchange) {
		return Mono.zip(signedIn(), exchange.getFormData()).flatMap(both -> {
			Authentication authentication = both.getT1();
			MultiValueMap<String, String> form = both.getT2();
			String current = field(form, "current");
			String chosen = field(form, "password");
			if (!chosen.equals(field(form, "confirm"))) {
				return Mono.just(page(authentication, "两次输入的新密码不一致，请重新输入。", HttpStatus.BAD_REQUEST));
			}
			StaffMember member = (StaffMember) authentication.getPrincipal();
			return signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(member.username(), current))
					.flatMap(proved -> accounts.changeOwnPassword(member.username(), current, chosen))
					.then(sessions.save(exchange, fresh(member)))
					.thenReturn(Rendering.redirectTo(StaffSecurity.CONSOLE).build())
					.onErrorResume(LockedException.class, locked -> Mono.just(page(authentication,
							"当前密码连续输错次数过多，请稍后再试。", HttpStatus.TOO_MANY_REQUESTS)))
					.onErrorResume(AuthenticationException.class, wrong -> Mono.just(page(authentication,
							"当前密码不正确。", HttpStatus.BAD_REQUEST)))
					.onErrorResume(AccountProblem.class, refused -> Mono.just(page(authentication, refused.getMessage(),
							HttpStatus.BAD_REQUEST)));
		});
	}

	private static Mono<Authentication> signedIn() {
		return ReactiveSecurityContextHolder.getContext().map(SecurityContext::getAuthentication);
	}

	private static SecurityContext fresh(StaffMember member) {
		return new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(member, null,
				StaffAuthorities.of(member, false)));
	}

	private static Rendering page(Authentication authentication, String message, HttpStatus status) {
		return Rendering.view("identity/password")
				.modelAttribute("member", authentication.getPrincipal())
				.modelAttribute("required", StaffAuthorities.passwordChangeRequired(authentication))
				.modelAttribute("message", message)
				.status(status).build();
	}

	private static String field(MultiValueMap<String, String> form, String name) {
		String value = form.getFirst(name);
		return value == null ? "" : value;
	}
}
