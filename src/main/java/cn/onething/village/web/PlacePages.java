package cn.onething.village.web;

import java.util.Optional;
import java.util.UUID;

import cn.onething.catalog.Catalog;
import cn.onething.village.Committee;
import cn.onething.village.Township;
import cn.onething.village.Villages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * Pages for residents and applicants: the county's townships, a township with its committees and disclosure
 * office, and a committee's page with its disclosure list and what it shows now, with the days left to object.
 */
@Controller
class PlacePages {

	private final Villages villages;
	private final Catalog catalog;

	PlacePages(Villages villages, Catalog catalog) {
		this.villages = villages;
		this.catalog = catalog;
	}

	@GetMapping("/places")
	Rendering townships() {
		return Rendering.view("village/applicant/townships").modelAttribute("catalog", catalog.current())
				.modelAttribute("places", villages.places()).build();
	}

	@GetMapping("/places/{township}")
	Mono<Rendering> township(@PathVariable String township) {
		Township found = villages.places().township(township).orElseThrow(() -> notFound("没有这个乡镇"));
		return villages.current(found).collectList()
				.map(entries -> Rendering.view("village/applicant/township").modelAttribute("catalog", catalog.current())
						.modelAttribute("township", found)
						.modelAttribute("entries", EntryView.of(entries, villages.places(), villages.today())).build());
	}

	/** @param follower the opt-out token of a follower who came from a push */
	@GetMapping("/places/{township}/{committee}")
	Mono<Rendering> committee(@PathVariable String township, @PathVariable String committee,
			@RequestParam(name = "f", required = false) UUID follower) {
		Township inTownship = villages.places().township(township).orElseThrow(() -> notFound("没有这个乡镇"));
		Committee found = inTownship.committee(committee).orElseThrow(() -> notFound("没有这个村（居）委会"));
		return villages.current(found).collectList()
				.map(entries -> Rendering.view("village/applicant/committee").modelAttribute("catalog", catalog.current())
						.modelAttribute("township", inTownship).modelAttribute("committee", found)
						.modelAttribute("items", villages.places().items())
						.modelAttribute("follower", Optional.ofNullable(follower))
						.modelAttribute("entries", EntryView.of(entries, villages.places(), villages.today())).build());
	}

	/** One tap from the pushed page: no confirmation, since following again is one tap too. */
	@GetMapping("/places/{township}/{committee}/unfollow")
	Mono<Rendering> unfollow(@PathVariable String township, @PathVariable String committee,
			@RequestParam(name = "f", required = false) UUID follower) {
		Committee found = villages.places().committee(township, committee).orElseThrow(() -> notFound("没有这个村（居）委会"));
		Mono<Boolean> ended = follower == null ? Mono.just(false) : villages.unfollow(follower);
		return ended.map(done -> Rendering.view("village/applicant/unfollowed").modelAttribute("catalog", catalog.current())
				.modelAttribute("committee", found).modelAttribute("ended", done).build());
	}

	static ResponseStatusException notFound(String reason) {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, reason);
	}
}
