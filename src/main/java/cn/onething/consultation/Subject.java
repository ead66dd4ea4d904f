package cn.onething.consultation;

import java.util.Optional;

import cn.onething.catalog.CatalogSnapshot;
import cn.onething.identity.StaffMember;
import cn.onething.identity.StaffRole;
import cn.onething.village.Committee;
import cn.onething.village.Jurisdiction;
import cn.onething.village.Places;

/**
 * What a question is about: a guide ({@code g:<basic code>}) or a village committee ({@code v:<township>:<committee>},
 * the same form as its WeChat follow scene), with its name and who answers it: the guide's department (its reviewers,
 * or the county's publisher) or the disclosure staff of the committee or its township (docs/village.md §5).
 */
public record Subject(String key, String name, String path, Optional<String> departmentId, Optional<Committee> committee) {

	public static Optional<Subject> of(String key, CatalogSnapshot catalogue, Places places) {
		if (key == null) {
			return Optional.empty();
		}
		if (key.startsWith("g:")) {
			return catalogue.guide(key.substring(2)).map(guide -> new Subject(key, guide.name(), "/g/" + guide.code(),
					Optional.of(guide.department().id()), Optional.empty()));
		}
		if (key.startsWith(Committee.FOLLOW_SCENE_PREFIX)) {
			String[] place = key.substring(Committee.FOLLOW_SCENE_PREFIX.length()).split(":", 2);
			return place.length != 2 ? Optional.empty() : places.committee(place[0], place[1])
					.map(committee -> new Subject(key, committee.name(), committee.path(), Optional.empty(), Optional.of(committee)));
		}
		return Optional.empty();
	}

	/** A guide's by its department's reviewers and the publisher; a committee's by those who publish for it. */
	public boolean answerableBy(StaffMember member) {
		return departmentId.map(department -> member.reviewsFor(department) || member.has(StaffRole.PUBLISHER))
				.or(() -> committee.map(place -> Jurisdiction.of(member).mayPublishFor(place)))
				.orElse(false);
	}
}
