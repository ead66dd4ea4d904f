package cn.onething.identity.internal;

import java.util.Map;

import cn.onething.identity.IdentityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Staff passwords are kept as bcrypt hashes, written with their scheme in front ({@code {bcrypt}$2a$...}) so that a
 * later scheme can take over hash by hash. Hashes from before the prefix (plain {@code $2a$10$...}) still verify,
 * and {@link PasswordEncoder#upgradeEncoding} says so for them and for any hash of a lower cost than configured:
 * SignInAttempts re-hashes those at the next successful sign-in, the only moment the password is known.
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

	private static final String BCRYPT = "bcrypt";

	@Bean
	PasswordEncoder passwordEncoder(IdentityProperties properties) {
		BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(properties.bcryptStrength());
		DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder(BCRYPT, Map.of(BCRYPT, bcrypt));
		encoder.setDefaultPasswordEncoderForMatches(bcrypt);
		return encoder;
	}
}
