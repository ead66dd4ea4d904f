package cn.onething.rating;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import cn.onething.casework.CaseLinks;
import cn.onething.casework.Casework;
import cn.onething.casework.model.CaseContext;
import cn.onething.identity.StaffMember;
import cn.onething.outbox.Outbox;
import cn.onething.rating.internal.FollowUpStore;
import cn.onething.rating.internal.RatingStore;
import cn.onething.rating.model.Channel;
import cn.onething.rating.model.FollowUp;
import cn.onething.rating.model.Level;
import cn.onething.rating.model.Rating;
import cn.onething.rating.model.RatingAnswers;
import cn.onething.rating.model.RatingRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The rating module's facade (好差评): an applicant rates a completed case once, holding its signed link; a bad rating's
 * follow-up is worked by supervisors; the applicant may rate the rectification once. Every change is one transaction.
 */
@Service
public class Ratings {

	private static final Logger log = LoggerFactory.getLogger(Ratings.class);

	private final Casework casework;
	private final CaseLinks links;
	private final RatingStore ratings;
	private final FollowUpStore followUps;
	private final Outbox outbox;
	private final TransactionalOperator transaction;
	private final Clock clock;

	Ratings(Casework casework, CaseLinks links, RatingStore ratings, FollowUpStore followUps, Outbox outbox,
			TransactionalOperator transaction, Optional<Clock> clock) {
		this.casework = casework;
		this.links = links;
		this.ratings = ratings;
		this.followUps = followUps;
		this.outbox = outbox;
		this.transaction = transaction;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * Rates the case of the receipt code. Only the holder of its signed link may ({@link WrongKey} otherwise); the rules
	 * of {@link Rating#give} refuse a case not completed or rated before ({@link RatingRefused}). The rating and its
	 * {@link RatingGiven} are stored together, or neither.
	 */
	public Mono<Rating> rate(String receiptCode, String key, RatingAnswers answers, Channel channel) {
		return Mono.defer(() -> {
			if (!links.isValid(receiptCode, key)) {
				return Mono.error(new WrongKey());
			}
			return casework.byReceiptCode(receiptCode).switchIfEmpty(Mono.error(WrongKey::new))
					.flatMap(stored -> ratings.byCase(stored.file().id()).hasElement().flatMap(ratedBefore -> {
						Rating rating = Rating.give(stored.file(), ratedBefore, answers, channel, clock.instant());
						Mono<Rating> save = ratings.insert(rating)
								.flatMap(inserted -> inserted ? Mono.just(rating) : Mono.error(alreadyRated()))
								.flatMap(saved -> {
									RatingGiven given = RatingGiven.of(saved, stored.file().terms().regionCode());
									return outbox.append(RatingGiven.OUTBOX_KIND, given.dedupeKey(), given)
											.then(outbox.append(RatingGiven.PLATFORM_REPORT_KIND, given.platformReportKey(), given))
											.thenReturn(saved);
								});
						return transaction.transactional(save);
					}))
					.doOnNext(rating -> log.info("case {} rated {} through {}", rating.receiptCode(), rating.level().score(),
							rating.channel().code()));
		});
	}

	/** The case's rating, if it has one, for the holder of its signed link. */
	public Mono<Rating> ratingOf(String receiptCode, String key) {
		if (!links.isValid(receiptCode, key)) {
			return Mono.error(new WrongKey());
		}
		return casework.byReceiptCode(receiptCode).flatMap(stored -> ratings.byCase(stored.file().id()));
	}

	/** The follow-up of the case's bad rating, if it has one. */
	public Mono<FollowUp> followUpOf(String receiptCode) {
		return followUps.byReceiptCode(receiptCode).map(FollowUpStore.StoredFollowUp::followUp);
	}

	/** The applicant's rating of a closed follow-up's rectification: once, with the case's signed link. */
	public Mono<FollowUp> rateRectification(String receiptCode, String key, Level verdict) {
		if (!links.isValid(receiptCode, key)) {
			return Mono.error(new WrongKey());
		}
		return change(followUps.byReceiptCode(receiptCode)
				.switchIfEmpty(Mono.error(() -> new RatingRefused("本件没有需要评价的整改。"))),
				followUp -> followUp.rate(verdict, clock.instant()));
	}

	public Flux<FollowUp> openFollowUps() {
		return followUps.open();
	}

	public Flux<FollowUp> recentlyClosedFollowUps(int limit) {
		return followUps.recentlyClosed(limit);
	}

	public Mono<FollowUp> followUp(UUID id) {
		return followUps.byId(id).map(FollowUpStore.StoredFollowUp::followUp);
	}

	/** The bad rating a follow-up is about. */
	public Mono<Rating> ratingOf(FollowUp followUp) {
		return ratings.byId(followUp.ratingId());
	}

	/** A supervisor records the contact, the rectification or the reply. */
	public Mono<FollowUp> record(UUID id, FollowUp.Part part, String text, StaffMember supervisor) {
		return change(followUps.byId(id), followUp -> followUp.record(part, text, supervisor.displayName(), clock.instant()));
	}

	/** A supervisor closes the loop, once contact, rectification and reply are recorded. */
	public Mono<FollowUp> close(UUID id, String note, StaffMember supervisor) {
		return change(followUps.byId(id), followUp -> followUp.close(note, supervisor.displayName(), clock.instant()));
	}

	/** The hall's day (China), by which a follow-up is overdue. */
	public LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), CaseContext.CHINA);
	}

	/** The ratings of each department or item, per level. */
	public Flux<RatingStore.LevelCount> counts(RatingStore.Grouping grouping) {
		return ratings.counts(grouping);
	}

	/** Someone else saved the follow-up meanwhile: read again and decide again, up to three times. */
	private Mono<FollowUp> change(Mono<FollowUpStore.StoredFollowUp> read, UnaryOperator<FollowUp> command) {
		return Mono.defer(() -> read.flatMap(stored -> {
					FollowUp after = command.apply(stored.followUp());
					return followUps.update(after, stored.revision())
							.flatMap(saved -> saved ? Mono.just(after) : Mono.error(new ConcurrentChange()));
				}))
				.retryWhen(Retry.max(3).filter(ConcurrentChange.class::isInstance));
	}

	private static RatingRefused alreadyRated() {
		return new RatingRefused("本件已经评价过了，每件只能评价一次。");
	}

	/** No signed link of the case, or a wrong one: nothing is told about the case. */
	public static class WrongKey extends RuntimeException {
		WrongKey() {
			super("no valid key of the case", null, false, false);
		}
	}

	private static class ConcurrentChange extends RuntimeException {
		ConcurrentChange() {
			super("the follow-up changed meanwhile", null, false, false);
		}
	}
}
