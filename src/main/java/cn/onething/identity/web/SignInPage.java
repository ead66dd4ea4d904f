package cn.onething.identity.web;

import java.util.List;

import cn.onething.identity.IdentityProperties;
import cn.onething.identity.StaffMember;
import cn.onething.identity.internal.DemoAccounts;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;

/** 工作人员登录. The form posts to Spring Security's form login at the same path. */
@Controller
class SignInPage {

	private final IdentityProperties properties;

	SignInPage(IdentityProperties properties) {
		this.properties = properties;
	}

	@GetMapping(StaffSecurity.SIGN_IN)
	Rendering signIn(@RequestParam(name = "error", required = false) String error,
			@RequestParam(name = "logout", required = false) String logout,
			@RequestParam(name = "username", defaultValue = "") String username) {
		return Rendering.view("identity/login")
				.modelAttribute("message", message(error))
				.modelAttribute("signedOut", logout != null)
				.modelAttribute("username", username)
				.modelAttribute("demoUsernames", properties.demoAccounts()
						? DemoAccounts.MEMBERS.stream().map(StaffMember::username).toList() : List.of())
				.modelAttribute("demoPassword", DemoAccounts.PASSWORD)
				.build();
	}

	private String message(String error) {
		if ("locked".equals(error)) {
			return "密码连续输错 " + properties.maxFailedSignIns() + " 次，从这台设备登录该账号已暂停 "
					+ properties.lockDuration().toMinutes() + " 分钟。请稍后再试，或请管理员协助。";
		}
		return error == null ? null : "用户名或密码不正确，请重新输入。";
	}
}
