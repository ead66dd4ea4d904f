package cn.onething.document.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import cn.onething.casework.CaseworkProperties;
import cn.onething.catalog.Catalog;
import cn.onething.document.Compendium;
import cn.onething.document.CompendiumSelection;
import cn.onething.document.Documents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

/** GET /documents/compendium.pdf: the whole book, a domain's or a department's, or a problem document. */
@WebFluxTest(CompendiumDownloads.class)
class CompendiumDownloadsTests {

	static final byte[] PDF = "%PDF-1.4 test".getBytes(StandardCharsets.US_ASCII);

	@Autowired
	WebTestClient web;

	@MockitoBean
	Documents documents;

	/**
	 * The catalogue's page cache is a WebFilter, which a WebFlux slice includes, and it needs the catalogue; it keeps
	 * only the applicant's catalogue pages, so it never asks this stand-in anything for the compendium's address.
	 */
	@MockitoBean
	Catalog catalog;

	/**
	 * The applicant pages' advice (casework's ApplicantPageWords) comes with every WebFlux slice, and it reads the
	 * upload limits.
	 */
	@TestConfiguration
	@EnableConfigurationProperties(CaseworkProperties.class)
	static class UploadLimits {
	}

	@Test
	void theWholeBookIsAPdfNamedInChineseWithAnAsciiFallback() {
		when(documents.compendium(CompendiumSelection.whole()))
				.thenReturn(Mono.just(compendium("扶绥县办事指南一本通", CompendiumSelection.whole())));

		web.get().uri("/documents/compendium.pdf").exchange()
				.expectStatus().isOk()
				.expectHeader().contentType(MediaType.APPLICATION_PDF)
				.expectHeader().valueEquals(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"compendium-v12.pdf\"; "
						+ "filename*=UTF-8''%E6%89%B6%E7%BB%A5%E5%8E%BF%E5%8A%9E%E4%BA%8B%E6%8C%87%E5%8D%97%E4%B8%80%E6%9C%AC"
						+ "%E9%80%9A%EF%BC%88%E7%AC%AC12%E7%89%88%EF%BC%89.pdf")
				.expectBody(byte[].class).value(body -> assertThat(body).isEqualTo(PDF));
	}

	@Test
	void aDomainsBookIsNamedAfterTheDomain() {
		CompendiumSelection household = CompendiumSelection.domain("household-registration");
		when(documents.compendium(household)).thenReturn(Mono.just(compendium("扶绥县办事指南一本通（户籍管理）", household)));

		web.get().uri("/documents/compendium.pdf?domain=household-registration").exchange()
				.expectStatus().isOk()
				.expectHeader().value(HttpHeaders.CONTENT_DISPOSITION,
						value -> assertThat(value).contains("filename=\"compendium-household-registration-v12.pdf\""));
	}

	@Test
	void anUnknownDomainOrDepartmentIsNotFound() {
		when(documents.compendium(any())).thenReturn(Mono.empty());

		web.get().uri("/documents/compendium.pdf?domain=nowhere").exchange()
				.expectStatus().isNotFound()
				.expectBody().jsonPath("$.detail").isEqualTo("没有这个领域");
		web.get().uri("/documents/compendium.pdf?department=nobody").exchange()
				.expectStatus().isNotFound()
				.expectBody().jsonPath("$.detail").isEqualTo("没有这个部门");
	}

	@Test
	void aDomainAndADepartmentTogetherAreABadRequest() {
		web.get().uri("/documents/compendium.pdf?domain=a&department=b").exchange()
				.expectStatus().isBadRequest();
	}

	private static Compendium compendium(String title, CompendiumSelection selection) {
		return new Compendium(PDF, 3, title, 12, 3, selection, List.of());
	}
}
