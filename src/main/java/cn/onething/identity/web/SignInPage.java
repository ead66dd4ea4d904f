package cn.onething.identity.web;

import java.util.List;

import cn.onething.identity.IdentityProperties;
import cn.onething.identity.StaffMember;
import cn.onething.identity.internal.DemoAccounts;
import cn.onething.identity.sso.SingleSignOn;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;

/**
 * 工作人员登录. The form posts to Spring Security's form login at the same path; the button of single sign-on, when
 * configured, starts at {@link SingleSignOn#START}.
 */
@Controller
class SignInPage {

	private final IdentityProperties properties;
	private final SingleSignOn singleSignOn;

	SignInPage(IdentityProperties properties, SingleSignOn singleSignOn) {
		this.properties = properties;
		this.singleSignOn = singleSignOn;
	}

	@GetMapping(StaffSecurity.SIGN_IN)
	Rendering signIn(@RequestParam(name = "error", required = false) String error,
			@RequestParam(name = "logout", required = false) String logout,
			@RequestParam(name = "username", defaultValue = "") String username) {
		return Rendering.view("identity/login")
				.modelAttribute("message", message(error))
				.modelAttribute("signedOut", logout != null)
				.modelAttribute("username", username)
				.modelAttribute("singleSignOn", singleSignOn.configured() ? SingleSignOn.START : null)
				.modelAttribute("demoUsernames", properties.demoAccounts()
						? DemoAccounts.MEMBERS.stream().map(StaffMember::username).toList() : List.of())
				.modelAttribute("demoPassword", DemoAccounts.PASSWORD)
				.build();
	}

	private String message(String error) {
		if (error == null) {
			return null;
		}
		return switch (error) {
			case "locked" -> "密码连续输错 " + properties.maxFailedSignIns() + " 次，从这台设备登录该账号已暂停 "
					+ properties.lockDuration().toMinutes() + " 分钟。请稍后再试，或请管理员协助。";
			case SingleSignOn.NO_ACCOUNT -> "统一身份认证已确认您的身份，但本系统没有与之对应的工作人员账号，无法进入。请联系系统管理员开通账号。";
			case SingleSignOn.DISABLED -> "您的工作人员账号已停用，无法登录。如有疑问请联系系统管理员。";
			case SingleSignOn.UNAVAILABLE -> "暂时无法连接统一身份认证服务，请稍后再试，或使用用户名和密码登录。";
			case SingleSignOn.FAILED -> "统一身份认证登录未完成（已过期、被取消或校验未通过），请重新点击“统一身份认证登录”。";
			default -> "用户名或密码不正确，请重新输入。";
		};
	}
}
