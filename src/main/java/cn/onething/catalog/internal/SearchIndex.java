package cn.onething.catalog.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import cn.onething.catalog.DisclosureHit;
import cn.onething.catalog.DisclosureRow;
import cn.onething.catalog.SearchHit;
import cn.onething.catalog.SearchResult;
import cn.onething.catalog.model.Disclosure;
import cn.onething.catalog.model.Domain;
import cn.onething.catalog.model.Guide;
import cn.onething.catalog.model.Material;

/**
 * Search over one catalogue version, held in memory: a county catalogue has hundreds of items, so a scan of
 * pre-normalised text answers in microseconds and needs no Chinese word segmentation. Chinese has no spaces, so
 * matching is by substring (出生 finds 出生医学证明签发) plus editor-written aliases (低保 finds 最低生活保障), with a
 * character-bigram fallback for near misses. Words separated by spaces must all match. The rows of the disclosure
 * catalogue (公开事项) are searched too, by their own words (二级事项, 公开内容, 公开主体…), and listed apart from the
 * guides: the disclosure column offers both.
 */
public final class SearchIndex {

	private static final int MAX_HITS = 50;

	private final List<Entry> entries;
	private final List<DisclosureEntry> disclosures;
	private final List<Domain> domains;

	public SearchIndex(List<Guide> guides, List<Domain> domains, List<DisclosureRow> disclosureCatalog) {
		this.entries = guides.stream().map(Entry::new).toList();
		this.disclosures = disclosureCatalog.stream().map(DisclosureEntry::new).toList();
		this.domains = domains;
	}

	public SearchResult search(String rawQuery) {
		String query = normalise(rawQuery == null ? "" : rawQuery);
		if (query.isEmpty()) {
			return new SearchResult("", List.of(), List.of(), List.of());
		}
		List<String> terms = Arrays.stream(query.split("\\s+")).filter(t -> !t.isEmpty()).toList();
		List<SearchHit> hits = new ArrayList<>();
		for (Entry entry : entries) {
			Match total = matchAll(terms, entry::match);
			if (total != Match.NONE) {
				hits.add(new SearchHit(entry.guide, total.score, total.reason));
			}
		}
		if (hits.isEmpty()) {
			hits.addAll(nearMisses(query.replaceAll("\\s+", "")));
		}
		hits.sort(Comparator.comparingInt(SearchHit::score).reversed().thenComparing(h -> h.guide().code()));
		return new SearchResult(query, hits.stream().limit(MAX_HITS).toList(), disclosureHits(terms), matchingDomains(terms));
	}

	private List<DisclosureHit> disclosureHits(List<String> terms) {
		List<DisclosureHit> hits = new ArrayList<>();
		for (DisclosureEntry entry : disclosures) {
			Match total = matchAll(terms, entry::match);
			if (total != Match.NONE) {
				hits.add(new DisclosureHit(entry.row, total.score, total.reason));
			}
		}
		return hits.stream().sorted(Comparator.comparingInt(DisclosureHit::score).reversed()
				.thenComparingInt(h -> h.row().number())).limit(MAX_HITS).toList();
	}

	/** The sum of every term's match, or none when any term does not match. */
	private static Match matchAll(List<String> terms, Function<String, Match> match) {
		Match total = Match.NONE;
		for (String term : terms) {
			Match one = match.apply(term);
			if (one == Match.NONE) {
				return Match.NONE;
			}
			total = total.plus(one);
		}
		return total;
	}

	private List<SearchHit> nearMisses(String query) {
		Set<String> wanted = bigrams(query);
		if (wanted.isEmpty()) {
			return List.of();
		}
		List<SearchHit> hits = new ArrayList<>();
		for (Entry entry : entries) {
			long found = wanted.stream().filter(entry.titleBigrams::contains).count();
			if (found * 10 >= wanted.size() * 6L) {
				hits.add(new SearchHit(entry.guide, (int) (found * 10 / wanted.size()), "相近：" + entry.guide.name()));
			}
		}
		return hits;
	}

	private List<Domain> matchingDomains(List<String> terms) {
		return domains.stream()
				.filter(d -> terms.stream().anyMatch(t -> normalise(d.name()).contains(t)
						|| d.aliases().stream().map(SearchIndex::normalise).anyMatch(a -> a.equals(t))))
				.toList();
	}

	/** Full-width letters and digits become half-width (NFKC), Latin letters lower case. */
	public static String normalise(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
	}

	private static Set<String> bigrams(String text) {
		Set<String> bigrams = new HashSet<>();
		for (int i = 0; i + 2 <= text.length(); i++) {
			bigrams.add(text.substring(i, i + 2));
		}
		return bigrams;
	}

	private record Match(int score, String reason) {
		static final Match NONE = new Match(0, "");

		Match plus(Match other) {
			return this == NONE ? other : new Match(score + other.score, reason);
		}
	}

	private static final class Entry {

		private final Guide guide;
		private final String name;
		private final List<String> aliases;
		private final List<String> materials;
		private final String department;
		private final String body;
		private final Set<String> titleBigrams;

		Entry(Guide guide) {
			this.guide = guide;
			this.name = normalise(guide.name());
			this.aliases = guide.aliases().stream().map(SearchIndex::normalise).toList();
			this.materials = guide.materials().stream().map(Material::name).map(SearchIndex::normalise).toList();
			this.department = normalise(guide.department().name());
			this.body = normalise(guide.conditions() + " " + guide.faq().stream()
					.map(f -> f.q() + " " + f.a()).reduce("", String::concat));
			this.titleBigrams = bigrams(name + "|" + String.join("|", aliases));
		}

		Match match(String term) {
			if (guide.code().equals(term)) {
				return new Match(1000, "编码");
			}
			if (term.length() >= 4 && term.chars().allMatch(Character::isDigit) && guide.code().startsWith(term)) {
				return new Match(300, "编码");
			}
			if (name.equals(term)) {
				return new Match(200, "名称");
			}
			if (name.contains(term)) {
				return new Match(100, "名称");
			}
			for (int i = 0; i < aliases.size(); i++) {
				String alias = aliases.get(i);
				if (alias.contains(term) || (alias.length() >= 2 && term.contains(alias))) {
					return new Match(alias.equals(term) ? 150 : 80, "又称“" + guide.aliases().get(i) + "”");
				}
			}
			for (int i = 0; i < materials.size(); i++) {
				if (materials.get(i).contains(term)) {
					return new Match(30, "材料“" + guide.materials().get(i).name() + "”");
				}
			}
			if (department.contains(term)) {
				return new Match(15, "实施部门“" + guide.department().name() + "”");
			}
			if (body.contains(term)) {
				return new Match(5, "办理条件或常见问题");
			}
			return Match.NONE;
		}
	}

	/** A row of the disclosure catalogue, by the words of its own columns (the item's guide is searched apart). */
	private static final class DisclosureEntry {

		private final DisclosureRow row;
		private final String secondLevel;
		private final String firstLevel;
		private final String content;
		private final String subject;
		private final String basis;

		DisclosureEntry(DisclosureRow row) {
			Disclosure disclosure = row.disclosure();
			this.row = row;
			this.secondLevel = normalise(disclosure.secondLevel());
			this.firstLevel = normalise(disclosure.firstLevel());
			this.content = normalise(disclosure.content());
			this.subject = normalise(disclosure.subject());
			this.basis = normalise(disclosure.basis());
		}

		Match match(String term) {
			if (row.code().equals(term)) {
				return new Match(1000, "事项编码");
			}
			if (secondLevel.contains(term)) {
				return new Match(secondLevel.equals(term) ? 200 : 100, "二级事项");
			}
			if (firstLevel.contains(term)) {
				return new Match(40, "一级事项“" + row.disclosure().firstLevel() + "”");
			}
			if (content.contains(term)) {
				return new Match(20, "公开内容");
			}
			if (subject.contains(term)) {
				return new Match(10, "公开主体“" + row.disclosure().subject() + "”");
			}
			if (basis.contains(term)) {
				return new Match(10, "公开依据");
			}
			return Match.NONE;
		}
	}
}
