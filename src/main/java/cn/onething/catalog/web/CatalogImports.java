package cn.onething.catalog.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import cn.onething.catalog.Catalog;
import cn.onething.catalog.CatalogProperties;
import cn.onething.catalog.ImportResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * Import on demand, for the publisher after editing guides/. Until staff sign-in exists, a configured bearer token
 * guards it; with no token configured the endpoint refuses every call.
 */
@RestController
@Tag(name = "catalog")
class CatalogImports {

	private final Catalog catalog;
	private final CatalogProperties properties;

	CatalogImports(Catalog catalog, CatalogProperties properties) {
		this.catalog = catalog;
		this.properties = properties;
	}

	@Operation(summary = "重新导入办事指南目录（全部成功或全部不导入）")
	@PostMapping("/api/catalog/imports")
	Mono<ResponseEntity<ImportResult>> importGuides(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
		if (!authorised(authorization)) {
			return Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN, "a valid import token is required"));
		}
		return catalog.importGuides("api").map(result -> ResponseEntity
				.status(result.outcome() == ImportResult.Outcome.REJECTED ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK)
				.body(result));
	}

	private boolean authorised(String authorization) {
		String token = properties.importToken();
		if (token == null || token.isBlank() || authorization == null || !authorization.startsWith("Bearer ")) {
			return false;
		}
		// constant-time comparison: the token must not leak through response timing
		return MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
				authorization.substring("Bearer ".length()).getBytes(StandardCharsets.UTF_8));
	}
}
