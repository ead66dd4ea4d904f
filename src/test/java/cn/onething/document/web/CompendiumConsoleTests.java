package cn.onething.document.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.onething.bundle.Bundles;
import cn.onething.catalog.Catalog;
import cn.onething.catalog.CatalogSnapshot;
import cn.onething.identity.StaffSession;
import cn.onething.identity.internal.DemoAccounts;
import cn.onething.system.ApiDocument;
import cn.onething.system.TestDatabase;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Choosing and downloading a compendium: the staff console's page (/staff/documents) against a running server with
 * its own database and the shipped guides, its links, and the same downloads under /api with their OpenAPI entry.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "onething.catalog.import-on-startup=false", "onething.identity.demo-accounts=false" })
class CompendiumConsoleTests {

	static final Pattern BOOK_LINK = Pattern.compile("href=\"(/documents/compendium\\.pdf[^\"]*)\"");

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.registerFresh(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	Catalog catalog;

	@Autowired
	Bundles bundles;

	@Autowired
	DemoAccounts demoAccounts;

	WebTestClient web;

	@BeforeEach
	void theShippedGuidesAndBundlesAndTheDemoAccounts() {
		// the whole book is a few megabytes, more than WebTestClient buffers by default
		web = WebTestClient.bindToServer().responseTimeout(Duration.ofSeconds(60)).baseUrl("http://localhost:" + port)
				.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(32 * 1024 * 1024)).build();
		demoAccounts.create().block();
		catalog.importGuides("test").block();
		Flux.interval(Duration.ofMillis(50)).filter(tick -> bundles.current().bundle("newborn").isPresent())
				.blockFirst(Duration.ofSeconds(30));
	}

	@Test
	void thePageOffersTheWholeBookEveryDomainEveryBundleAndEveryDepartmentWithItems() {
		String page = StaffSession.signedIn(web, "police", DemoAccounts.PASSWORD).page("/staff/documents");
		CatalogSnapshot catalogue = catalog.current();

		Set<String> expected = new TreeSet<>();
		expected.add("/documents/compendium.pdf");
		catalogue.domains().forEach(domain -> expected.add("/documents/compendium.pdf?domain=" + domain.id()));
		bundles.current().bundles().forEach(bundle -> expected.add("/documents/compendium.pdf?bundle=" + bundle.id()));
		catalogue.guides().stream().map(guide -> guide.department().id()).distinct()
				.forEach(department -> expected.add("/documents/compendium.pdf?department=" + department));
		assertThat(new TreeSet<>(links(page))).isEqualTo(expected);
		assertThat(links(page)).as("each book once").doesNotHaveDuplicates();
		assertThat(page).contains("公安审核员（扶绥县公安局", "现行目录第 <span>" + catalogue.importId() + "</span> 版",
				"一件事清单第 <span>" + bundles.current().importId() + "</span> 版", "新生儿出生一件事", "户籍管理");
	}

	@Test
	void eachKindOfLinkOnThePageDownloadsTheBookItNames() {
		String page = StaffSession.signedIn(web, "window", DemoAccounts.PASSWORD).page("/staff/documents");
		Map<String, String> coverByLink = Map.of(
				"/documents/compendium.pdf", "收录 26 个领域、" + catalog.current().guides().size() + " 个事项和 6 件一件事",
				"/documents/compendium.pdf?bundle=newborn", "新生儿出生一件事",
				"/documents/compendium.pdf?domain=household-registration", "户籍管理",
				"/documents/compendium.pdf?department=public-security", "扶绥县公安局");

		coverByLink.forEach((link, cover) -> {
			assertThat(links(page)).contains(link);
			assertThat(cover(link)).as(link).contains(cover);
		});
	}

	@Test
	void signedOutVisitorsAreSentToSignIn() {
		web.get().uri("/staff/documents").accept(MediaType.TEXT_HTML).exchange()
				.expectStatus().is3xxRedirection()
				.expectHeader().value("Location", location -> assertThat(location).endsWith("/staff/login"));
	}

	@Test
	void theApiServesTheSameBooks() {
		byte[] page = pdf("/documents/compendium.pdf?bundle=newborn");

		assertThat(pdf("/api/documents/compendium.pdf?bundle=newborn")).isEqualTo(page);
	}

	@Test
	void anUnknownBundleIsNotFoundAndTwoSelectionsAreABadRequest() {
		for (String base : List.of("/documents/compendium.pdf", "/api/documents/compendium.pdf")) {
			web.get().uri(base + "?bundle=nowhere").exchange()
					.expectStatus().isNotFound()
					.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
					.expectBody().jsonPath("$.detail").isEqualTo("没有这件事");
			web.get().uri(base + "?bundle=newborn&department=public-security").exchange()
					.expectStatus().isBadRequest()
					.expectBody().jsonPath("$.detail").isEqualTo("请只选择一个领域、一个部门或一件事");
		}
	}

	@Test
	void theOpenApiDocumentDescribesTheDownloadUnderApiWithItsThreeSelectors() {
		ApiDocument.of(web)
				.jsonPath("$.paths['/api/documents/compendium.pdf'].get.parameters[*].name")
				.value(names -> assertThat(names).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
						.containsExactlyInAnyOrder("domain", "department", "bundle"))
				.jsonPath("$.paths['/api/documents/compendium.pdf'].get.responses['200'].content['application/pdf']").exists()
				.jsonPath("$.paths['/api/documents/compendium.pdf'].get.responses['404']").exists()
				.jsonPath("$.paths['/documents/compendium.pdf']").doesNotExist();
	}

	private static List<String> links(String page) {
		List<String> links = new ArrayList<>();
		Matcher matcher = BOOK_LINK.matcher(page);
		while (matcher.find()) {
			links.add(matcher.group(1).replace("&amp;", "&"));
		}
		return links;
	}

	private byte[] pdf(String uri) {
		EntityExchangeResult<byte[]> result = web.get().uri(uri).exchange()
				.expectStatus().isEqualTo(HttpStatus.OK)
				.expectHeader().contentType(MediaType.APPLICATION_PDF)
				.expectBody(byte[].class).returnResult();
		return result.getResponseBody();
	}

	/** The text of the book's cover, which names what it holds. */
	private String cover(String uri) {
		try (PDDocument document = Loader.loadPDF(pdf(uri))) {
			PDFTextStripper stripper = new PDFTextStripper();
			stripper.setEndPage(1);
			return stripper.getText(document);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
