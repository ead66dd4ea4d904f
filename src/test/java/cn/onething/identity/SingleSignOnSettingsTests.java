package cn.onething.identity;

import java.util.List;

import cn.onething.identity.IdentityProperties.SingleSignOn;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Settings of single sign-on that cannot work stop the start with a message naming the property. */
class SingleSignOnSettingsTests {

	static final List<String> SCOPES = List.of("openid", "profile");

	@Test
	void withoutAnIssuerSingleSignOnIsSimplyOff() {
		assertThat(new SingleSignOn(null, null, null, "preferred_username", SCOPES).configured()).isFalse();
		assertThat(new SingleSignOn(" ", null, null, "preferred_username", SCOPES).configured()).isFalse();
	}

	@Test
	void anIssuerNeedsTheClientIdAndSecret() {
		assertThatIllegalArgumentException()
				.isThrownBy(() -> new SingleSignOn("https://sso.example.gov.cn", "onething", " ", "preferred_username", SCOPES))
				.withMessageContaining("onething.identity.sso.client-secret");
	}

	@Test
	void theIssuerIsAWebAddress() {
		assertThatIllegalArgumentException()
				.isThrownBy(() -> new SingleSignOn("sso.example.gov.cn", "onething", "secret", "preferred_username", SCOPES))
				.withMessageContaining("onething.identity.sso.issuer-uri must be an http(s) URL");
	}

	@Test
	void theScopesIncludeOpenid() {
		assertThatIllegalArgumentException()
				.isThrownBy(() -> new SingleSignOn("https://sso.example.gov.cn", "onething", "secret", "preferred_username",
						List.of("profile")))
				.withMessageContaining("onething.identity.sso.scopes must include openid");
	}

	@Test
	void aCompleteSettingIsOn() {
		assertThat(new SingleSignOn("https://sso.example.gov.cn/realms/hall", "onething", "secret", "preferred_username", SCOPES)
				.configured()).isTrue();
	}
}
