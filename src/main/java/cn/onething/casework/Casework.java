package cn.onething.casework;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import cn.onething.calendar.WorkingDayCalendar;
import cn.onething.casework.internal.CaseStore;
import cn.onething.casework.internal.IdempotencyStore;
import cn.onething.casework.internal.MaterialFiles;
import cn.onething.casework.internal.ReceiptCodes;
import cn.onething.casework.model.Actor;
import cn.onething.casework.model.CaseChange;
import cn.onething.casework.model.CaseContext;
import cn.onething.casework.model.CaseEvent;
import cn.onething.casework.model.CaseFile;
import cn.onething.casework.model.CaseTerms;
import cn.onething.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

/**
 * The casework module's facade: one reactive chain per use case, load → decide (the plain rules in
 * {@code model}) → save the state with its events in one transaction.
 */
@Service
public class Casework {

	private static final Logger log = LoggerFactory.getLogger(Casework.class);

	private final CaseStore store;
	private final IdempotencyStore idempotency;
	private final TransactionalOperator transaction;
	private final WorkingDayCalendar calendar;
	private final CaseworkProperties properties;
	private final Outbox outbox;
	private final JsonMapper json;
	private final Clock clock;

	Casework(CaseStore store, IdempotencyStore idempotency, TransactionalOperator transaction, WorkingDayCalendar calendar,
			CaseworkProperties properties, Outbox outbox, JsonMapper json, java.util.Optional<Clock> clock) {
		this.store = store;
		this.idempotency = idempotency;
		this.outbox = outbox;
		this.json = json;
		this.transaction = transaction;
		this.calendar = calendar;
		this.properties = properties;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** Files a case: uploads checked by content and size, the receipt code issued, everything stored at once. */
	public Mono<StoredCase> submit(CaseTerms terms, Applicant applicant, Map<String, String> form,
			Map<String, Integer> guideVersions, List<Upload> uploads, Actor actor) {
		return submit(terms, applicant, form, guideVersions, uploads, actor, null).map(Submission::stored);
	}

	/**
	 * Files a case once per idempotency key: the key is claimed in the transaction of the case, so a repeated
	 * request, even one arriving at the same moment on another replica, gets the case the first one filed, and a
	 * different request with a used key is refused ({@link IdempotencyKeyReused}). A null key files every time.
	 */
	public Mono<Submission> submit(CaseTerms terms, Applicant applicant, Map<String, String> form,
			Map<String, Integer> guideVersions, List<Upload> uploads, Actor actor, IdempotencyKey key) {
		return Mono.defer(() -> {
			if (key == null) {
				return fileCase(terms, applicant, form, guideVersions, uploads, actor, caseId -> Mono.empty())
						.map(stored -> new Submission(stored, false));
			}
			String hash = idempotency.requestHash(terms.bundleId(), form, uploads);
			Instant now = clock.instant();
			Instant cutoff = now.minus(properties.idempotencyKeyLifetime());
			return fileCase(terms, applicant, form, guideVersions, uploads, actor,
					caseId -> idempotency.claim(key, hash, caseId, now, cutoff)
							.flatMap(claimed -> claimed ? Mono.<Void>empty() : Mono.error(new KeyTaken())))
					.map(stored -> new Submission(stored, false))
					.onErrorResume(KeyTaken.class, taken -> replay(key, hash, cutoff));
		});
	}

	private Mono<Submission> replay(IdempotencyKey key, String hash, Instant cutoff) {
		return idempotency.find(key, cutoff)
				.switchIfEmpty(Mono.error(() -> new IllegalStateException("idempotency key taken but not found")))
				.flatMap(claim -> claim.requestHash().equals(hash)
						? store.byId(claim.caseId()).map(stored -> new Submission(asOfToday(stored), true))
						: Mono.error(new IdempotencyKeyReused(key)))
				.doOnNext(replayed -> log.info("case {} replayed for a repeated {} request", replayed.stored().file().receiptCode(),
						key.channel()));
	}

	/** Why each file would be refused (keyed {@code material.<key>}); empty when all can be filed. */
	public Map<String, String> uploadProblems(CaseTerms terms, List<Upload> uploads) {
		return checkUploads(terms, uploads).problems();
	}

	/** {@code first} runs first in the case's transaction, with the new case's id. */
	private Mono<StoredCase> fileCase(CaseTerms terms, Applicant applicant, Map<String, String> form,
			Map<String, Integer> guideVersions, List<Upload> uploads, Actor actor, Function<String, Mono<Void>> first) {
		CheckedUploads checked = acceptUploads(terms, uploads);
		CaseChange change = CaseFile.submit(UUID.randomUUID().toString(), ReceiptCodes.next(), terms, context(actor));
		StoredCase stored = new StoredCase(change.after(), applicant, form, guideVersions, 1);
		Mono<Void> save = first.apply(change.after().id())
				.then(store.insert(stored, calendar))
				.then(record(stored, change.events()))
				.then(saveMaterials(change.after().id(), uploads, checked, actor));
		return transaction.transactional(save)
				.doOnSuccess(done -> log.info("case {} submitted for bundle {} by {}", change.after().receiptCode(),
						terms.bundleId(), actor.kind()))
				.thenReturn(stored);
	}

	/**
	 * Applies a command to the current state of a case. A concurrent change by someone else (the revision moved)
	 * makes it re-read and decide again, up to three times.
	 */
	public Mono<StoredCase> act(String caseId, Actor actor, Function<CaseFile, Function<CaseContext, CaseChange>> command) {
		return Mono.defer(() -> store.byId(caseId)
						.switchIfEmpty(Mono.error(() -> new CaseNotFound(caseId)))
						.flatMap(stored -> {
							CaseChange change = command.apply(stored.file()).apply(context(actor));
							return save(stored, change);
						}))
				.retryWhen(Retry.max(3).filter(ConcurrentChange.class::isInstance));
	}

	/** Adds corrected materials and reopens the review of the departments that asked for them. */
	public Mono<StoredCase> submitCorrection(String caseId, List<Upload> uploads, Actor actor) {
		return store.byId(caseId).switchIfEmpty(Mono.error(() -> new CaseNotFound(caseId)))
				.flatMap(stored -> {
					CheckedUploads checked = acceptUploads(stored.file().terms(), uploads);
					CaseChange change = stored.file().submitCorrection(context(actor));
					return transaction.transactional(saveMaterials(caseId, uploads, checked, actor)
							.then(save(stored, change)));
				});
	}

	/** The case of a receipt code as typed (spaces and lower case forgiven), as of today (see {@link #byId}). */
	public Mono<StoredCase> byReceiptCode(String receiptCode) {
		String code = ReceiptCodes.normalized(receiptCode);
		return ReceiptCodes.looksValid(code) ? store.byReceiptCode(code).map(this::asOfToday) : Mono.empty();
	}

	/**
	 * The case as the rules say it is today (行政许可法 §32: accepted once the last day to ask for corrections has
	 * passed), whether or not the scheduled check has recorded it yet.
	 */
	public Mono<StoredCase> byId(String caseId) {
		return store.byId(caseId).map(this::asOfToday);
	}

	/** The department's cases by the step states stored; each read as of today. */
	public Flux<StoredCase> queue(String departmentId, List<String> stepStates) {
		return store.queue(departmentId, stepStates).map(this::asOfToday);
	}

	public Flux<StoredCase> openCases() {
		return store.open().map(this::asOfToday);
	}

	/** The hall's day by this service's clock: deadlines on pages are counted to it. */
	public LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), CaseContext.CHINA);
	}

	public Flux<CaseStore.MaterialEntry> materials(String caseId) {
		return store.materials(caseId);
	}

	public Mono<CaseStore.MaterialContent> material(String caseId, String materialId) {
		return store.material(caseId, materialId);
	}

	public Flux<CaseStore.AuditEntry> auditTrail(String caseId) {
		return store.auditTrail(caseId);
	}

	public WorkingDayCalendar calendar() {
		return calendar;
	}

	/**
	 * Records what the time rules of 行政许可法 §32 already say (reads and commands apply them anyway) and sends
	 * correction reminders, on every replica: each open case is handled in its own transaction under a row lock that
	 * other replicas skip, and the rules are idempotent, so a case is never handled twice.
	 */
	@Scheduled(fixedDelayString = "${onething.casework.deadline-check-interval:5m}", initialDelayString = "${onething.casework.deadline-check-delay:30s}")
	void checkDeadlinesOfOpenCases() {
		checkDeadlines().subscribe(count -> log.info("deadline check changed {} cases", count),
				error -> log.warn("deadline check failed: {}", error.toString()));
	}

	public Mono<Long> checkDeadlines() {
		Actor system = Actor.SYSTEM;
		return store.openCaseIds()
				.concatMap(id -> transaction.transactional(store.lockIfOpen(id)
						.flatMap(stored -> {
							CaseChange change = stored.file().checkDeadlines(context(system));
							return change.changedNothing() ? Mono.<StoredCase>empty() : save(stored, change);
						})))
				.count();
	}

	/** Idempotency keys are remembered for a day (by default); the rows of older ones go, on any replica. */
	@Scheduled(fixedDelayString = "${onething.casework.idempotency-sweep-interval:1h}", initialDelayString = "${onething.casework.idempotency-sweep-interval:1h}")
	void forgetExpiredIdempotencyKeys() {
		idempotency.deleteExpired(clock.instant().minus(properties.idempotencyKeyLifetime()))
				.subscribe(count -> log.debug("{} expired idempotency keys deleted", count),
						error -> log.warn("expired idempotency keys could not be deleted: {}", error.toString()));
	}

	private Mono<StoredCase> save(StoredCase stored, CaseChange change) {
		if (change.changedNothing()) {
			return Mono.just(stored);
		}
		StoredCase after = new StoredCase(change.after(), stored.applicant(), stored.form(), stored.guideVersions(), stored.revision() + 1);
		Mono<StoredCase> write = store.update(change.after(), stored.revision(), calendar)
				.flatMap(saved -> saved ? record(after, change.events()) : Mono.error(new ConcurrentChange()))
				.thenReturn(after);
		return transaction.transactional(write);
	}

	/**
	 * The trail and the news in the transaction of the change: both are written, or neither (docs/architecture.md §6);
	 * a milestone is also published for the regional platform ({@link CaseNews#PLATFORM_REPORT_KIND}), and a
	 * completion on its own ({@link CaseCompleted}).
	 */
	private Mono<Void> record(StoredCase stored, List<CaseEvent> events) {
		return store.appendEvents(stored.file().id(), events)
				.flatMapMany(first -> Flux.range(0, events.size())
						.concatMap(i -> {
							CaseNews news = CaseNews.of(stored, first + i, events.get(i), json);
							Mono<Void> told = outbox.append(CaseNews.OUTBOX_KIND, news.dedupeKey(), news);
							return CaseNews.isMilestone(events.get(i))
									? told.then(outbox.append(CaseNews.PLATFORM_REPORT_KIND, news.platformReportKey(), news))
									: told;
						}))
				.thenMany(Flux.fromIterable(events).ofType(CaseEvent.ApplicationCompleted.class))
				.concatMap(completed -> {
					CaseCompleted done = new CaseCompleted(stored.file().id(), stored.file().receiptCode(),
							stored.file().terms().bundleId(), stored.file().terms().bundleName(), completed.at());
					return outbox.append(CaseCompleted.OUTBOX_KIND, done.dedupeKey(), done);
				})
				.then();
	}

	private Mono<Void> saveMaterials(String caseId, List<Upload> uploads, CheckedUploads checked, Actor actor) {
		return Flux.fromIterable(uploads)
				.concatMap(u -> store.saveMaterial(caseId, u, checked.contentTypes().get(u.materialKey() + "/" + u.fileName()), actor.id()))
				.then();
	}

	/** Content types of the files that pass (by material key and file name), and why the others do not. */
	private record CheckedUploads(Map<String, String> contentTypes, Map<String, String> problems) {
	}

	/** The checked files, or {@link CaseInputRejected} naming each file that cannot be taken. */
	private CheckedUploads acceptUploads(CaseTerms terms, List<Upload> uploads) {
		CheckedUploads checked = checkUploads(terms, uploads);
		if (!checked.problems().isEmpty()) {
			throw new CaseInputRejected(checked.problems());
		}
		return checked;
	}

	private CheckedUploads checkUploads(CaseTerms terms, List<Upload> uploads) {
		Map<String, String> problems = new LinkedHashMap<>();
		Map<String, String> types = new LinkedHashMap<>();
		for (Upload upload : uploads) {
			String field = upload.field();
			if (!terms.materials().containsKey(upload.materialKey())) {
				problems.put(field, "本事项不需要这项材料");
			}
			else if (upload.content().length == 0) {
				problems.put(field, "文件是空的，请重新选择");
			}
			else if (upload.content().length > properties.maxUploadSize().toBytes()) {
				problems.put(field, MaterialFiles.tooLarge(properties.maxUploadSize()));
			}
			else {
				MaterialFiles.contentType(upload.content()).ifPresentOrElse(
						type -> types.put(upload.materialKey() + "/" + upload.fileName(), type),
						() -> problems.put(field, MaterialFiles.notAccepted(upload.fileName())));
			}
		}
		return new CheckedUploads(types, problems);
	}

	private StoredCase asOfToday(StoredCase stored) {
		CaseFile now = stored.file().asOf(context(Actor.SYSTEM));
		return now.equals(stored.file()) ? stored
				: new StoredCase(now, stored.applicant(), stored.form(), stored.guideVersions(), stored.revision());
	}

	private CaseContext context(Actor actor) {
		return new CaseContext(actor, clock.instant(), calendar);
	}

	/** The case does not exist (or the caller may not know it does). */
	public static class CaseNotFound extends RuntimeException {
		CaseNotFound(String id) {
			super("no case " + id);
		}
	}

	/** The idempotency key is held by a case filed before: roll back and replay that one. */
	private static class KeyTaken extends RuntimeException {
		KeyTaken() {
			super("idempotency key taken", null, false, false);
		}
	}

	private static class ConcurrentChange extends RuntimeException {
		ConcurrentChange() {
			super("the case changed meanwhile", null, false, false);
		}
	}
}
