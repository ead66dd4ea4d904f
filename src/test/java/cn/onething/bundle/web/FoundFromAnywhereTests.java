package cn.onething.bundle.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import cn.onething.bundle.Bundle;
import cn.onething.bundle.BundleItem;
import cn.onething.bundle.Bundles;
import cn.onething.catalog.Catalog;
import cn.onething.catalog.GuideFolderFixture;
import cn.onething.catalog.model.Guide;
import cn.onething.system.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue's pages lead to the one-thing bundles (issue 13 §5): search lists them first, a guide links to the
 * bundle of its item, guide and bundle pages end in a 立即办理 bar, the home page starts from them. Served from a
 * copy of the shipped guides/, which one test changes to see a bundle import reach pages kept in the page cache.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "onething.catalog.import-on-startup=false", "onething.catalog.public-base-url=https://zwfw.example.cn" })
class FoundFromAnywhereTests {

	static final Path SHIPPED = Path.of("guides");
	static final Path GUIDES = GuideFolderFixture.temporaryFolder("found-from-anywhere");
	static final String NEWBORN_FILE = "bundles/newborn.yaml";
	static final String NEWBORN = "新生儿出生一件事";

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.registerFresh(registry);
		registry.add("onething.catalog.guides-dir", GUIDES::toString);
	}

	@LocalServerPort
	int port;

	@Autowired
	Catalog catalog;

	@Autowired
	Bundles bundles;

	WebTestClient web;

	Bundle newborn;

	static {
		GuideFolderFixture.copyFolder(SHIPPED, GUIDES);
	}

	/** The shipped guides, as shipped: the bundles follow the catalogue through its CatalogLoaded event. */
	@BeforeEach
	void shippedGuidesAndBundles() {
		write(NEWBORN_FILE, read(SHIPPED, NEWBORN_FILE));
		catalog.importGuides("test").block();
		newborn = bundlesUntil(NEWBORN);
		web = WebTestClient.bindToServer().responseTimeout(Duration.ofSeconds(30)).baseUrl("http://localhost:" + port).build();
	}

	@Test
	void searchingChushengListsTheNewbornBundleBeforeEveryItemWithALinkToItsPage() {
		String page = page("/search?q=出生");

		int bundleLink = page.indexOf("href=\"/bundles/newborn\"");
		assertThat(bundleLink).as("the bundle is listed").isPositive();
		assertThat(page.indexOf(NEWBORN)).isGreaterThan(bundleLink);
		assertThat(bundleLink).as("before the first item").isLessThan(page.indexOf("href=\"/g/"));
		assertThat(page).doesNotContain("href=\"/bundles/retirement\"");
	}

	@Test
	void theSearchApiListsTheMatchingBundlesBesideTheItems() {
		SearchAnswer answer = web.get().uri(b -> b.path("/api/search").queryParam("q", "出生").build()).exchange()
				.expectStatus().isOk().expectBody(SearchAnswer.class).returnResult().getResponseBody();

		assertThat(answer.bundles()).containsExactly(new BundleHit(NEWBORN,
				"https://zwfw.example.cn/bundles/newborn", "https://zwfw.example.cn/bundles/newborn/form"));
		assertThat(answer.hits()).isNotEmpty();
		assertThat(web.get().uri(b -> b.path("/api/search").queryParam("q", "低保").build()).exchange()
				.expectBody(SearchAnswer.class).returnResult().getResponseBody().bundles()).isEmpty();
	}

	@Test
	void aBundlesAliasFindsIt() {
		assertThat(page("/search?q=宝宝出生")).contains("href=\"/bundles/newborn\"");
		assertThat(page("/search?q=开饭店")).contains("href=\"/bundles/restaurant\"", "开办餐饮店一件事");
	}

	@Test
	void everyGuideOfTheBundleLinksItAndItsBarLeadsToTheBundlesForm() {
		for (BundleItem item : newborn.items()) {
			String page = page("/g/" + item.code());

			assertThat(page).as(item.code()).contains("本事项可在<a href=\"/bundles/newborn\">“" + NEWBORN + "”</a>中一次办理");
			assertThat(actBar(page)).as(item.code()).contains("href=\"/bundles/newborn/form\"", "立即办理");
		}
	}

	@Test
	void aGuideInNoBundleHasItsBarLeadToWhereAndHowToApply() {
		Set<String> inBundles = bundles.current().bundles().stream().flatMap(b -> b.items().stream())
				.map(BundleItem::code).collect(Collectors.toSet());
		Guide alone = catalog.current().guides().stream().filter(g -> !inBundles.contains(g.code())).findFirst().orElseThrow();

		String page = page("/g/" + alone.code());

		assertThat(page).doesNotContain("本事项可在", "href=\"/bundles/");
		assertThat(actBar(page)).contains("href=\"#windows\"", "立即办理");
		assertThat(page).contains("<section id=\"windows\">");
	}

	@Test
	void theBundlePageEndsInABarToItsForm() {
		assertThat(actBar(page("/bundles/newborn"))).contains("href=\"/bundles/newborn/form\"", "立即办理");
	}

	@Test
	void theHomePageStartsFromTheBundlesThenFrequentItemsThenTheDomains() {
		String home = page("/");

		int lifeEvents = home.indexOf("id=\"life-events\"");
		int frequent = home.indexOf("id=\"frequent\"");
		int domains = home.indexOf("id=\"domains\"");
		assertThat(lifeEvents).isPositive().isLessThan(frequent);
		assertThat(frequent).isLessThan(domains);
		String lifeEventPart = home.substring(lifeEvents, frequent);
		for (Bundle bundle : bundles.current().bundles()) {
			assertThat(lifeEventPart).contains("href=\"/bundles/" + bundle.id() + "\"", bundle.name());
		}
		assertThat(home.substring(frequent, domains)).contains("href=\"/g/" + newborn.items().get(0).code() + "\"");
	}

	@Test
	void aBundleImportShowsAtOnceOnGuideSearchAndHomePagesShownBefore() {
		String guide = "/g/" + newborn.items().get(0).code();
		List<String> pages = List.of(guide, "/search?q=出生", "/");
		pages.forEach(this::page);
		String etagBefore = get(guide).getResponseHeaders().getETag();

		write(NEWBORN_FILE, read(GUIDES, NEWBORN_FILE).replace("name: " + NEWBORN, "name: 新生宝宝一件事"));
		bundles.importBundles("test").block();

		for (String uri : pages) {
			// the guides' own text mentions the bundle by its old name: only the links must change
			assertThat(page(uri)).as(uri).contains("新生宝宝一件事")
					.doesNotContain("“" + NEWBORN + "”</a>", ">" + NEWBORN + "</span>");
		}
		assertThat(get(guide).getResponseHeaders().getETag()).isNotEqualTo(etagBefore);
	}

	record BundleHit(String name, String url, String formUrl) {
	}

	record SearchAnswer(String query, List<BundleHit> bundles, List<Object> hits) {
	}

	/** Waits for the CatalogLoaded event's bundle import to make the newborn bundle of that name current. */
	private Bundle bundlesUntil(String name) {
		return Flux.interval(Duration.ofMillis(50)).map(tick -> bundles.current().bundle("newborn"))
				.filter(found -> found.isPresent() && found.get().name().equals(name))
				.blockFirst(Duration.ofSeconds(30)).orElseThrow();
	}

	private static String actBar(String page) {
		int start = page.indexOf("<nav class=\"act-bar\"");
		assertThat(start).as("the page has the 立即办理 bar").isPositive();
		return page.substring(start, page.indexOf("</nav>", start));
	}

	private EntityExchangeResult<String> get(String uri) {
		return web.get().uri(uri).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN").exchange().expectStatus().isOk()
				.expectBody(String.class).returnResult();
	}

	private String page(String uri) {
		return get(uri).getResponseBody();
	}

	private static String read(Path folder, String file) {
		try {
			return Files.readString(folder.resolve(file));
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	private static void write(String file, String content) {
		try {
			Files.writeString(GUIDES.resolve(file), content);
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}
