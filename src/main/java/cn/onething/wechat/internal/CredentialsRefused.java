package cn.onething.wechat.internal;

import java.util.Optional;

import me.chanjar.weixin.common.error.WxError;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A refusal of a token request that no retry can fix, as the start-up failure that names the setting to change.
 * Not an InvalidConfigurationPropertyValueException: Spring Boot's report of that one prints the property's value,
 * which here is the secret.
 */
final class CredentialsRefused extends RuntimeException {

	private final String action;

	private CredentialsRefused(String reason, String action) {
		super(reason, null, false, false);
		this.action = action;
	}

	static Optional<CredentialsRefused> of(WxError error) {
		int code = error.getErrorCode();
		String said = " (" + code + " " + error.getErrorMsg() + ")";
		return Optional.ofNullable(switch (code) {
			case 40013 -> new CredentialsRefused("ONETHING_WECHAT_APP_ID: WeChat does not know this app id" + said,
					"Copy the AppID from the official account's 基本配置.");
			case 40125, 41004 -> new CredentialsRefused("ONETHING_WECHAT_SECRET: WeChat refused the secret for this app id" + said,
					"Copy the AppSecret again from the official account's 基本配置 into the Secret.");
			case 40164 -> new CredentialsRefused("ONETHING_WECHAT_APP_ID: WeChat refuses tokens to this server's address" + said,
					"Add the cluster's egress IP address to the official account's IP whitelist (IP白名单).");
			default -> null;
		});
	}

	/** Prints the reason and what to do, nothing else: no stack trace, no value. */
	static class Analyzer extends AbstractFailureAnalyzer<CredentialsRefused> {

		@Override
		protected FailureAnalysis analyze(Throwable rootFailure, CredentialsRefused cause) {
			return new FailureAnalysis(cause.getMessage(), cause.action, cause);
		}
	}
}
