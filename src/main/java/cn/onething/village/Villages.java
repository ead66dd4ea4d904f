package cn.onething.village;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import cn.onething.catalog.Catalog;
import cn.onething.catalog.CatalogLoaded;
import cn.onething.catalog.CatalogProperties;
import cn.onething.catalog.CatalogSnapshot;
import cn.onething.identity.StaffMember;
import cn.onething.village.internal.EntryStore;
import cn.onething.village.internal.FollowerStore;
import cn.onething.village.placefiles.PlaceFolder;
import cn.onething.village.placefiles.PlaceFolderReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The village module's facade: the places of guides/places/, their current entries, publishing an entry and the
 * township's supervision. Places are read whenever a catalogue becomes current (the list names catalogue items); a
 * folder with any problem changes nothing and the previous places stay.
 */
@Service
public class Villages implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(Villages.class);
	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
	private static final int OVERRIDES_SHOWN = 100;

	/** Reading guides/places/ is blocking file IO: it runs here, never on a request or database thread. */
	private final Scheduler files = Schedulers.newBoundedElastic(1, 16, "place-files");
	private final AtomicReference<Places> places = new AtomicReference<>(Places.none());
	private final Catalog catalog;
	private final CatalogProperties properties;
	private final EntryStore store;
	private final FollowerStore followers;
	private final Clock clock;

	Villages(Catalog catalog, CatalogProperties properties, EntryStore store, FollowerStore followers,
			Optional<Clock> clock) {
		this.catalog = catalog;
		this.followers = followers;
		this.properties = properties;
		this.store = store;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	public Places places() {
		return places.get();
	}

	public LocalDate today() {
		return LocalDate.now(clock.withZone(CHINA));
	}

	/** Reads guides/places/ against the current catalogue; with no problem, its places become current. */
	public Mono<PlaceFolder> reload() {
		CatalogSnapshot catalogue = catalog.current();
		return Mono.fromCallable(() -> PlaceFolderReader.read(properties.guidesDir(), catalogue))
				.subscribeOn(files)
				.doOnNext(folder -> {
					if (folder.isValid()) {
						places.set(folder.places());
						log.info("places read: {} townships, {} matters in the village list", folder.places().townships().size(),
								folder.places().items().size());
					}
					else {
						log.error("places rejected, the previous ones stay; {} problems:", folder.problems().size());
						folder.problems().forEach(problem -> log.error("  {}", problem));
					}
				});
	}

	@EventListener
	void onCatalogLoaded(CatalogLoaded loaded) {
		if (loaded.importId() != 0) {
			reload().subscribe(ok -> { }, error -> log.error("places could not be read", error));
		}
	}

	/**
	 * Checks and publishes an entry for the member: {@link NotInJurisdiction} when the committee is not theirs,
	 * {@link EntryRefused} naming every wrong field otherwise; either stores nothing.
	 */
	public Mono<Entry> publish(EntryDraft draft, StaffMember publisher) {
		Jurisdiction jurisdiction = Jurisdiction.of(publisher);
		return Mono.fromCallable(() -> {
			Optional<Committee> committee = places().committee(draft.townshipId(), draft.committeeId());
			if (committee.isPresent() && !jurisdiction.mayPublishFor(committee.get())) {
				throw new NotInJurisdiction(publisher.place() == null ? "您的账号未指定所属乡镇或村（社区），不能发布村务公开内容；请联系系统管理员在账号管理中设置。"
						: "您的账号只能发布 " + placeName(publisher.place()) + " 的公开内容，不能为" + committee.get().name() + "发布。");
			}
			return EntryRules.check(places(), draft);
		})
				.flatMap(publication -> store.publish(publication, publisher.username()))
				.flatMap(store::entry)
				.doOnNext(entry -> log.info("village entry {} published for {}/{} by {}", entry.id(), entry.townshipId(),
						entry.committeeId(), publisher.username()));
	}

	/** A place code of an account ({@code xinning}, {@code xinning/chengdong}) as people say it: 新宁镇城东社区居委会. */
	public String placeName(String place) {
		String[] parts = place.split("/", 2);
		return places().township(parts[0])
				.map(township -> township.name() + (parts.length == 2 ? township.committee(parts[1]).map(Committee::name).orElse(parts[1]) : ""))
				.orElse(place);
	}

	public Mono<Entry> entry(UUID id) {
		return store.entry(id);
	}

	/** What a committee shows today. */
	public Flux<Entry> current(Committee committee) {
		return store.shownOn(today(), committee.townshipId(), committee.id());
	}

	/** What a township's committees show today. */
	public Flux<Entry> current(Township township) {
		return store.shownOn(today(), township.id(), null);
	}

	/** What every committee of the county shows today: the hall's screen. */
	public Flux<Entry> currentEverywhere() {
		return store.shownOn(today(), null, null);
	}

	/** The township's quarterly matters its committees have not updated in time. */
	public Mono<List<Overdue>> overdue(Township township) {
		LocalDate today = today();
		return store.latestStarts(township.id())
				.map(latest -> Supervision.overdue(township, places().items(), latest, today));
	}

	/** Figures published against the county's, newest first, for township and county disclosure staff. */
	public Flux<FigureOverride> overrides() {
		return store.overrides(OVERRIDES_SHOWN);
	}

	/** Ends the follow that the token of a pushed page names (one tap); false if there was none. */
	public Mono<Boolean> unfollow(UUID token) {
		return followers.unfollow(token);
	}

	@Override
	public void destroy() {
		files.dispose();
	}
}
