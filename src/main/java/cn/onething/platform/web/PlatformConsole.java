package cn.onething.platform.web;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.onething.identity.Identity;
import cn.onething.identity.StaffMember;
import cn.onething.identity.StaffRole;
import cn.onething.platform.ChangeSet;
import cn.onething.platform.ItemProblem;
import cn.onething.platform.PlatformReports;
import cn.onething.platform.PlatformSync;
import cn.onething.platform.SyncRecord;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * 平台同步: when the regional platform was last read and with what outcome (its change set, or every problem of a
 * payload that was not applied), and the publisher's button to read it now; below, the case and rating reports the
 * platform did not take, with its reason, and the button to send one again.
 */
@Controller
class PlatformConsole {

	private final Identity identity;
	private final PlatformSync platform;
	private final PlatformReports reports;
	private final JsonMapper json;

	PlatformConsole(Identity identity, PlatformSync platform, PlatformReports reports, JsonMapper json) {
		this.identity = identity;
		this.platform = platform;
		this.reports = reports;
		this.json = json;
	}

	/** A report the platform did not take, as the page lists it. */
	public record UndeliveredReport(UUID message, String reason, int attempts, String at) {
	}

	/** The latest sync as the page shows it: its problems when it was rejected, its change set otherwise. */
	public record LatestSync(SyncRecord record, String at, List<ItemProblem> problems, ChangeSet changes, String error) {
	}

	@GetMapping("/staff/platform")
	Mono<Rendering> show(@RequestParam(name = "done", required = false) String done) {
		return identity.signedIn().map(PlatformConsole::requirePlatformStaff)
				.flatMap(member -> Mono.zip(platform.latest().map(this::latest).map(Optional::of).defaultIfEmpty(Optional.empty()),
								platform.lastSuccess().map(DraftView::time).defaultIfEmpty("尚未成功同步"),
								reports.notDelivered().map(dead -> new UndeliveredReport(dead.id(), dead.reason(), dead.attempts(),
										DraftView.time(dead.diedAt()))).collectList())
						.map(all -> {
							Rendering.Builder<?> page = Rendering.view("platform/staff/sync").modelAttribute("member", member)
									.modelAttribute("memberDepartment", member.departmentId() == null ? "政务服务中心" : member.departmentId())
									.modelAttribute("configured", platform.configured())
									.modelAttribute("mayRun", member.has(StaffRole.PUBLISHER))
									.modelAttribute("lastSuccess", all.getT2())
									.modelAttribute("reportsConfigured", reports.configured())
									.modelAttribute("undelivered", all.getT3())
									.modelAttribute("mayResend", mayResend(member))
									.modelAttribute("done", done == null ? "" : done);
							all.getT1().ifPresent(latest -> page.modelAttribute("latest", latest));
							return page.build();
						}));
	}

	@PostMapping("/staff/platform/reports/resend")
	Mono<Rendering> resend(ServerWebExchange exchange) {
		return identity.signedIn().flatMap(member -> {
			if (!mayResend(member)) {
				return Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN, "只有指南发布和主管岗位可以重新报送"));
			}
			return exchange.getFormData();
		}).flatMap(form -> reports.resend(messageId(form.getFirst("message"))))
				.map(resent -> Rendering.redirectTo("/staff/platform?done=" + (resent ? "resent" : "gone")).build());
	}

	@PostMapping("/staff/platform/sync")
	Mono<Rendering> sync() {
		return identity.signedIn().flatMap(member -> {
			if (!member.has(StaffRole.PUBLISHER)) {
				return Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN, "只有指南发布岗位可以发起同步"));
			}
			if (!platform.configured()) {
				return Mono.error(new ResponseStatusException(HttpStatus.CONFLICT, "尚未配置全区一体化平台的接口地址（onething.platform.endpoint）"));
			}
			return platform.sync();
		}).map(result -> Rendering.redirectTo("/staff/platform").build());
	}

	private LatestSync latest(SyncRecord record) {
		String at = DraftView.time(record.startedAt());
		return switch (record.outcome()) {
			case REJECTED -> new LatestSync(record, at, json.readValue(record.detail(), new TypeReference<List<ItemProblem>>() { }), null, null);
			case SUBMITTED, UNCHANGED -> new LatestSync(record, at, List.of(), json.readValue(record.detail(), ChangeSet.class), null);
			case UNREACHABLE -> new LatestSync(record, at, List.of(), null, json.readTree(record.detail()).path("error").asString(""));
		};
	}

	/** Publishers and reviewers follow the catalogue's sync; supervisors follow the reports of cases and ratings. */
	private static StaffMember requirePlatformStaff(StaffMember member) {
		if (!member.has(StaffRole.PUBLISHER) && !member.has(StaffRole.SUPERIOR_REVIEW) && !member.has(StaffRole.SUPERVISOR)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "平台同步由指南发布、上级审核和主管岗位查看");
		}
		return member;
	}

	private static boolean mayResend(StaffMember member) {
		return member.has(StaffRole.PUBLISHER) || member.has(StaffRole.SUPERVISOR);
	}

	private static UUID messageId(String value) {
		try {
			return UUID.fromString(value == null ? "" : value.strip());
		}
		catch (IllegalArgumentException e) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "message: 不是报送的编号");
		}
	}
}
