package cn.onething.identity.accounts;

import cn.onething.identity.IdentityProperties;
import cn.onething.identity.internal.AccountProblem;
import cn.onething.identity.internal.PasswordPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The first administrator from the environment, for installations where nobody runs the command line
 * (ONETHING_IDENTITY_BOOTSTRAP_ADMIN and ..._PASSWORD from a secret). Created only while no account holds the admin
 * role, so the setting can stay in place: later starts leave the accounts alone.
 */
@Component
class BootstrapAdmin {

	private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

	private final StaffAccounts accounts;
	private final IdentityProperties properties;
	private final PasswordPolicy policy;

	BootstrapAdmin(StaffAccounts accounts, IdentityProperties properties, PasswordPolicy policy) {
		this.accounts = accounts;
		this.properties = properties;
		this.policy = policy;
	}

	@EventListener(ApplicationReadyEvent.class)
	void createWhenAsked() {
		if (properties.bootstrapAdmin() != null && !properties.bootstrapAdmin().isBlank()) {
			create().subscribe();
		}
	}

	Mono<Void> create() {
		var weak = policy.problem(properties.bootstrapAdminPassword(), properties.bootstrapAdmin());
		if (weak.isPresent()) {
			log.warn("onething.identity.bootstrap-admin not created: its password is refused ({})", weak.get());
			return Mono.empty();
		}
		return accounts.createFirstAdmin(AccountAudit.START_UP, properties.bootstrapAdmin(), properties.bootstrapAdminPassword())
				.doOnNext(created -> log.info("first administrator account {} created from onething.identity.bootstrap-admin; "
						+ "the password must be changed at the first sign-in", created.username()))
				.onErrorResume(AccountProblem.class, refused -> {
					log.info("onething.identity.bootstrap-admin left alone: {}", refused.getMessage());
					return Mono.empty();
				})
				.doOnError(error -> log.error("the first administrator account could not be created", error))
				.onErrorComplete().then();
	}
}
