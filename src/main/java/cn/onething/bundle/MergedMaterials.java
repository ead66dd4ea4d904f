package cn.onething.bundle;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.onething.catalog.model.Guide;
import cn.onething.catalog.model.Material;

/**
 * Merges the materials of a bundle's items into one list in which each document is asked once. When several items
 * ask for the same document the strictest demand wins: 必要 beats 视情形, and the larger number of originals and
 * of copies counts, so the one set handed in satisfies every department.
 */
public final class MergedMaterials {

	private enum Medium { PAPER, ELECTRONIC }

	private MergedMaterials() {
	}

	/**
	 * The merged list, in the order the items (then their materials) first ask for each document, without the
	 * materials the bundle produces itself. {@code shared} must name materials of {@code guides} only (the bundle
	 * reader checks this).
	 */
	public static List<MergedMaterial> of(List<Guide> guides, List<SharedMaterial> shared, List<ProducedMaterial> produced) {
		Set<MaterialRef> notAsked = produced.stream().flatMap(p -> p.replaces().stream()).collect(Collectors.toSet());
		Map<MaterialRef, SharedMaterial> groupOf = new LinkedHashMap<>();
		shared.forEach(group -> group.materials().forEach(ref -> groupOf.put(ref, group)));
		Map<String, List<Material>> byKey = new LinkedHashMap<>();
		Map<String, List<MaterialRef>> refsByKey = new LinkedHashMap<>();
		for (Guide guide : guides) {
			for (Material material : guide.materials()) {
				MaterialRef ref = new MaterialRef(guide.code(), material.id());
				if (notAsked.contains(ref)) {
					continue;
				}
				SharedMaterial group = groupOf.get(ref);
				String key = group == null ? guide.code() + "/" + material.id() : group.key();
				byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(material);
				refsByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(ref);
			}
		}
		Map<String, String> names = shared.stream().filter(g -> g.name() != null)
				.collect(Collectors.toMap(SharedMaterial::key, SharedMaterial::name));
		return byKey.entrySet().stream()
				.map(entry -> merge(entry.getKey(), names.get(entry.getKey()), entry.getValue(), refsByKey.get(entry.getKey())))
				.toList();
	}

	private static MergedMaterial merge(String key, String name, List<Material> same, List<MaterialRef> refs) {
		boolean required = same.stream().anyMatch(Material::required);
		String condition = required ? null : same.stream().map(Material::condition).distinct().collect(Collectors.joining("\n"));
		return new MergedMaterial(key, name == null ? same.get(0).name() : name, required, condition,
				same.stream().mapToInt(Material::original).max().orElse(0),
				same.stream().mapToInt(Material::copies).max().orElse(0), form(same), refs);
	}

	/** The forms every item accepts; when none is accepted by all, the applicant brings both. */
	private static String form(List<Material> same) {
		Set<Medium> accepted = EnumSet.allOf(Medium.class);
		same.forEach(material -> accepted.retainAll(media(material.form())));
		if (accepted.size() == 2) {
			return "纸质或电子";
		}
		if (accepted.isEmpty()) {
			return "纸质和电子";
		}
		return accepted.contains(Medium.PAPER) ? "纸质" : "电子";
	}

	private static Set<Medium> media(String form) {
		return switch (form) {
			case "纸质" -> EnumSet.of(Medium.PAPER);
			case "电子" -> EnumSet.of(Medium.ELECTRONIC);
			default -> EnumSet.allOf(Medium.class);
		};
	}
}
