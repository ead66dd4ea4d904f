package cn.onething.village.web;

import java.util.List;

import cn.onething.catalog.Catalog;
import cn.onething.village.Committee;
import cn.onething.village.Entry;
import cn.onething.village.Township;
import cn.onething.village.Villages;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The full-screen page for the electronic screens (电子屏) of the hall's disclosure area and of townships and
 * villages: one entry at a time in letters readable from three metres, the next after {@code seconds}, and the
 * hall's notice between rounds; nobody touches it. It reloads itself after each full round, so new entries appear
 * and ended ones go without anyone at the screen.
 */
@Controller
class ScreenPage {

	static final int DEFAULT_SECONDS = 15;
	static final int MIN_SECONDS = 3;
	static final int MAX_SECONDS = 120;
	/** At least this long between reloads, however few the entries: a screen need not ask every few seconds. */
	static final int MIN_RELOAD_SECONDS = 120;

	private final Villages villages;
	private final Catalog catalog;

	ScreenPage(Villages villages, Catalog catalog) {
		this.villages = villages;
		this.catalog = catalog;
	}

	@GetMapping("/screen")
	Mono<Rendering> hall(@RequestParam(defaultValue = "" + DEFAULT_SECONDS) int seconds) {
		return screen(catalog.current().hall().name(), villages.currentEverywhere(), seconds);
	}

	@GetMapping("/places/{township}/screen")
	Mono<Rendering> township(@PathVariable String township, @RequestParam(defaultValue = "" + DEFAULT_SECONDS) int seconds) {
		Township found = villages.places().township(township).orElseThrow(() -> PlacePages.notFound("没有这个乡镇"));
		return screen(found.name(), villages.current(found), seconds);
	}

	@GetMapping("/places/{township}/{committee}/screen")
	Mono<Rendering> committee(@PathVariable String township, @PathVariable String committee,
			@RequestParam(defaultValue = "" + DEFAULT_SECONDS) int seconds) {
		Committee found = villages.places().committee(township, committee)
				.orElseThrow(() -> PlacePages.notFound("没有这个村（居）委会"));
		return screen(found.name(), villages.current(found), seconds);
	}

	private Mono<Rendering> screen(String place, Flux<Entry> entries, int seconds) {
		int perSlide = Math.max(MIN_SECONDS, Math.min(MAX_SECONDS, seconds));
		return entries.collectList().map(found -> {
			List<EntryView> views = EntryView.of(found, villages.places(), villages.today());
			// the hall's notice is one more slide
			int reload = Math.max(MIN_RELOAD_SECONDS, perSlide * (views.size() + 1));
			return Rendering.view("village/screen").modelAttribute("catalog", catalog.current())
					.modelAttribute("place", place).modelAttribute("entries", views)
					.modelAttribute("seconds", perSlide).modelAttribute("reload", reload).build();
		});
	}
}
