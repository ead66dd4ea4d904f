package cn.onething.village.internal;

import java.util.ArrayList;
import java.util.List;

import cn.onething.identity.StaffPlaces;
import cn.onething.village.Committee;
import cn.onething.village.Places;
import cn.onething.village.Township;
import cn.onething.village.Villages;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The townships and committees of guides/places/ as places a staff account may name: each township, then its
 * committees. The accounts command line runs without the start-up import, so the places are read when none are.
 */
@Component
class VillageStaffPlaces implements StaffPlaces {

	private final Villages villages;

	VillageStaffPlaces(Villages villages) {
		this.villages = villages;
	}

	@Override
	public Mono<List<Choice>> choices() {
		Mono<Places> places = villages.places().townships().isEmpty() ? villages.reload().map(folder -> villages.places())
				: Mono.just(villages.places());
		return places.map(VillageStaffPlaces::choices);
	}

	private static List<Choice> choices(Places places) {
		List<Choice> choices = new ArrayList<>();
		for (Township township : places.townships()) {
			choices.add(new Choice(township.id(), township.name() + "（全乡镇）"));
			for (Committee committee : township.committees()) {
				choices.add(new Choice(township.id() + "/" + committee.id(), township.name() + " " + committee.name()));
			}
		}
		return choices;
	}
}
