package cn.onething.identity.internal;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import cn.onething.identity.IdentityProperties;
import cn.onething.identity.StaffMember;
import cn.onething.identity.StaffRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One account per role and reviewers of the departments that decide most bundle steps, so a newcomer
 * running on the embedded database can sign in at once. Only with {@code onething.identity.demo-accounts=true};
 * existing accounts of the same name are left alone.
 */
@Component
public class DemoAccounts {

	/** Shared by every demo account and printed in the log: these accounts guard nothing real. */
	public static final String PASSWORD = "onething-demo";

	public static final List<StaffMember> MEMBERS = List.of(
			member("window", "一窗受理", null, StaffRole.WINDOW),
			member("police", "公安审核员", "public-security", StaffRole.REVIEWER),
			member("medical", "医保审核员", "medical-security", StaffRole.REVIEWER),
			member("hrss", "人社审核员", "human-resources", StaffRole.REVIEWER),
			member("fund", "公积金审核员", "housing-fund", StaffRole.REVIEWER),
			member("health", "卫健审核员", "health", StaffRole.REVIEWER),
			member("supervisor", "大厅主管", null, StaffRole.SUPERVISOR),
			member("head", "机关负责人", null, StaffRole.HEAD),
			member("publisher", "指南发布员", null, StaffRole.PUBLISHER),
			member("superior", "上级审核员", null, StaffRole.SUPERIOR_REVIEW),
			new StaffMember("village", "城东社区村务公开员", null, Set.of(StaffRole.DISCLOSURE), "xinning/chengdong"),
			new StaffMember("township", "新宁镇村务公开员", null, Set.of(StaffRole.DISCLOSURE), "xinning"),
			member("county", "县政务公开办", null, StaffRole.DISCLOSURE));

	private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

	private final StaffAccountStore accounts;
	private final PasswordEncoder encoder;
	private final IdentityProperties properties;

	DemoAccounts(StaffAccountStore accounts, PasswordEncoder encoder, IdentityProperties properties) {
		this.accounts = accounts;
		this.encoder = encoder;
		this.properties = properties;
	}

	@EventListener(ApplicationReadyEvent.class)
	void createWhenEnabled() {
		if (properties.demoAccounts()) {
			create().subscribe(created -> { }, error -> log.error("demo staff accounts could not be created", error));
		}
	}

	/** Creates the missing demo accounts; emits how many were new. */
	public Mono<Long> create() {
		// one bcrypt hash for all: hashing is deliberately slow, and the password is the same
		return Mono.fromCallable(() -> encoder.encode(PASSWORD)).subscribeOn(Schedulers.boundedElastic())
				.flatMapMany(hash -> Flux.fromIterable(MEMBERS).concatMap(member -> accounts.insertIfAbsent(member, hash, false)))
				.filter(Boolean::booleanValue).count()
				.doOnNext(created -> log.info("demo staff accounts (password \"{}\", for the embedded database only): {}", PASSWORD,
						MEMBERS.stream().map(StaffMember::username).collect(Collectors.joining(", "))));
	}

	private static StaffMember member(String username, String name, String department, StaffRole role) {
		return new StaffMember(username, name, department, Set.of(role));
	}
}
