package cn.onething.catalog.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import cn.onething.catalog.Catalog;
import cn.onething.catalog.GuideFolderFixture;
import cn.onething.system.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static cn.onething.catalog.GuideFolderFixture.BIRTH;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Catalogue pages are kept as rendered bytes per catalogue version: a page served again must be the same page with
 * the same headers, and a new import must show at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "onething.catalog.import-on-startup=false",
		"management.server.port=0" })
class RenderedPagesTests {

	static final Path GUIDES = createFolder();
	static final String BIRTH_CODE = "000707001000";

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.registerFresh(registry);
		registry.add("onething.catalog.guides-dir", GUIDES::toString);
	}

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	Catalog catalog;

	WebTestClient web;

	GuideFolderFixture guides;

	@BeforeEach
	void freshFolderImported() throws IOException {
		try (var files = Files.walk(GUIDES)) {
			files.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(GUIDES)).forEach(p -> p.toFile().delete());
		}
		guides = GuideFolderFixture.copyInto(GUIDES);
		catalog.importGuides("test").block();
		web = WebTestClient.bindToServer().responseTimeout(Duration.ofSeconds(30)).baseUrl("http://localhost:" + port).build();
	}

	@Test
	void aGuidePageShownAgainIsTheSamePageWithTheSameHeaders() {
		EntityExchangeResult<byte[]> first = get("/g/" + BIRTH_CODE, null);
		EntityExchangeResult<byte[]> again = get("/g/" + BIRTH_CODE, null);

		assertThat(again.getResponseBody()).isEqualTo(first.getResponseBody());
		for (String header : new String[] { HttpHeaders.ETAG, HttpHeaders.CACHE_CONTROL, HttpHeaders.CONTENT_TYPE,
				HttpHeaders.CONTENT_LANGUAGE, "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy" }) {
			assertThat(again.getResponseHeaders().get(header)).as(header).isNotEmpty()
					.isEqualTo(first.getResponseHeaders().get(header));
		}
		assertThat(again.getResponseHeaders().getFirst(HttpHeaders.CONTENT_LANGUAGE)).isEqualTo("zh-CN");
		assertThat(text(again)).contains("出生登记");
	}

	@Test
	void aNewImportShowsAtOnceOnPagesShownBefore() {
		for (String page : new String[] { "/", "/domains/household-registration", "/g/" + BIRTH_CODE }) {
			get(page, null);
		}
		String etagBefore = get("/g/" + BIRTH_CODE, null).getResponseHeaders().getETag();

		guides.replace(BIRTH, "name: 出生登记", "name: 新生儿出生登记");
		catalog.importGuides("test").block();

		EntityExchangeResult<byte[]> guide = get("/g/" + BIRTH_CODE, null);
		assertThat(text(guide)).contains("新生儿出生登记");
		assertThat(guide.getResponseHeaders().getETag()).isNotEqualTo(etagBefore);
		assertThat(text(get("/domains/household-registration", null))).contains("新生儿出生登记");
	}

	@Test
	void aGuideThatWasMissingIsShownOnceItIsImported() {
		String birth = guides.read(BIRTH);
		guides.delete(BIRTH);
		catalog.importGuides("test").block();
		web.get().uri("/g/" + BIRTH_CODE).exchange().expectStatus().isNotFound();

		guides.write(BIRTH, birth);
		catalog.importGuides("test").block();

		assertThat(text(get("/g/" + BIRTH_CODE, null))).contains("出生登记");
	}

	@Test
	void aPhoneThatAcceptsGzipGetsTheSamePageSmaller() throws Exception {
		byte[] identity = get("/g/" + BIRTH_CODE, null).getResponseBody();

		// the JDK's client, because WebTestClient's unzips bodies and drops Content-Encoding
		HttpResponse<byte[]> zipped = rawGet("/g/" + BIRTH_CODE, "gzip, deflate");
		assertThat(zipped.headers().firstValue(HttpHeaders.CONTENT_ENCODING)).contains("gzip");
		assertThat(zipped.headers().allValues(HttpHeaders.VARY)).contains(HttpHeaders.ACCEPT_ENCODING);
		assertThat(zipped.body().length).isLessThan(identity.length / 2);
		try (GZIPInputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
			assertThat(unzipped.readAllBytes()).isEqualTo(identity);
		}

		HttpResponse<byte[]> refused = rawGet("/g/" + BIRTH_CODE, "gzip;q=0, identity");
		assertThat(refused.headers().firstValue(HttpHeaders.CONTENT_ENCODING)).isEmpty();
		assertThat(refused.body()).isEqualTo(identity);
	}

	private HttpResponse<byte[]> rawGet(String path, String acceptEncoding) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header(HttpHeaders.ACCEPT_ENCODING, acceptEncoding).build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
	}

	@Test
	void aPhoneWithTheCurrentPageGetsNotModifiedWithoutABody() {
		String etag = get("/g/" + BIRTH_CODE, null).getResponseHeaders().getETag();
		get("/g/" + BIRTH_CODE, null);

		web.get().uri("/g/" + BIRTH_CODE).header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
				.expectStatus().isNotModified()
				.expectHeader().valueEquals(HttpHeaders.ETAG, etag)
				.expectBody().isEmpty();
	}

	@Test
	void eachSearchIsKeptUnderItsOwnQuery() {
		for (int round = 0; round < 2; round++) {
			assertThat(search("出生")).contains("出生登记").doesNotContain("最低生活保障审核确认");
			assertThat(search("低保")).contains("最低生活保障审核确认").doesNotContain("出生登记");
		}
	}

	@Test
	void keptPagesAreStillCountedUnderTheirRoute() {
		double before = guideRequests();
		for (int i = 0; i < 3; i++) {
			get("/g/" + BIRTH_CODE, null);
		}
		assertThat(guideRequests() - before).isEqualTo(3);
	}

	private double guideRequests() {
		String metrics = WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort).build()
				.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
				.expectBody(String.class).returnResult().getResponseBody();
		Matcher line = Pattern.compile("http_server_requests_seconds_count\\{[^}]*status=\"200\"[^}]*uri=\"/g/\\{code}\"[^}]*} ([0-9.E]+)")
				.matcher(metrics);
		return line.find() ? Double.parseDouble(line.group(1)) : 0;
	}

	private EntityExchangeResult<byte[]> get(String uri, String acceptEncoding) {
		return web.get().uri(uri)
				.headers(headers -> {
					if (acceptEncoding != null) {
						headers.set(HttpHeaders.ACCEPT_ENCODING, acceptEncoding);
					}
				})
				.exchange().expectStatus().isOk().expectBody().returnResult();
	}

	private static String text(EntityExchangeResult<byte[]> page) {
		return new String(page.getResponseBody(), StandardCharsets.UTF_8);
	}

	private String search(String query) {
		return web.get().uri(builder -> builder.path("/search").queryParam("q", query).build()).exchange()
				.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
	}

	private static Path createFolder() {
		try {
			return Files.createTempDirectory("rendered-pages");
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}
