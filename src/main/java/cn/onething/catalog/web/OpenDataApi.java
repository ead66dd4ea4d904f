package cn.onething.catalog.web;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import cn.onething.catalog.CatalogProperties;
import cn.onething.catalog.opendata.OpenDataArchive;
import cn.onething.catalog.opendata.OpenDataPackage;
import cn.onething.catalog.opendata.OpenDataPackages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * The versioned open-data packages (docs/open-data.md): an index, a stable address per published catalogue version
 * whose bytes never change (cached for a year), and a "latest" address that redirects to the newest version's.
 */
@RestController
@RequestMapping("/api/open-data")
@Tag(name = "open-data", description = "政务公开开放数据包")
class OpenDataApi {

	private static final MediaType ZIP = MediaType.parseMediaType("application/zip");

	private final OpenDataPackages packages;
	private final CatalogProperties properties;

	OpenDataApi(OpenDataPackages packages, CatalogProperties properties) {
		this.packages = packages;
		this.properties = properties;
	}

	record Version(long version, Instant publishedAt, String approvedBy, Instant approvedAt, long bytes, String sha256, String url) {
	}

	record Index(String latest, List<Version> versions) {
	}

	@Operation(summary = "开放数据包的全部版本（新版本在前）",
			description = "每个已发布的目录版本一个 zip：manifest.json（版本、发布时间、审核人、各文件的 SHA-256、行数和栏目说明、许可和来源）、"
					+ "公开事项标准目录和办事指南的 CSV 与 JSON。")
	@GetMapping
	Mono<Index> index() {
		return packages.packages().collectList().map(list -> new Index(properties.address(latestPath()),
				list.stream().map(this::version).toList()));
	}

	@Operation(summary = "最新版开放数据包：重定向（302）到该版本的稳定地址")
	@ApiResponse(responseCode = "302", description = "Location 为最新版本的 zip 地址")
	@ApiResponse(responseCode = "404", description = "目录尚未发布",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
	@GetMapping("/latest.zip")
	Mono<ResponseEntity<Void>> latest() {
		return packages.latestVersion()
				.map(version -> ResponseEntity.status(HttpStatus.FOUND).location(URI.create(path(version)))
						.cacheControl(CacheControl.noCache()).<Void>build())
				.switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "目录尚未发布，还没有开放数据包")));
	}

	@Operation(summary = "某一版本的开放数据包（zip），同一版本始终是同样的字节")
	@ApiResponse(responseCode = "200", description = "zip；ETag 为其 SHA-256",
			content = @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary")))
	@ApiResponse(responseCode = "400", description = "版本号不是正整数",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = "没有这个版本的开放数据包",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
	@GetMapping("/{version}.zip")
	Mono<ResponseEntity<byte[]>> archive(@Parameter(description = "目录版本号（/api/open-data 中的 version）") @PathVariable String version) {
		long number = versionNumber(version);
		return packages.archive(number)
				.switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有第 " + number + " 版的开放数据包")))
				.map(this::download);
	}

	private ResponseEntity<byte[]> download(OpenDataArchive archive) {
		OpenDataPackage summary = archive.summary();
		return ResponseEntity.ok()
				.contentType(ZIP)
				.eTag("\"" + summary.sha256() + "\"")
				.cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName(summary.version()) + "\"")
				.body(archive.zip());
	}

	/** A version is a positive whole number of at most 18 digits; anything else is the client's mistake. */
	private static long versionNumber(String version) {
		if (!version.matches("[1-9][0-9]{0,17}")) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "version：版本号应为正整数，例如 /api/open-data/12.zip");
		}
		return Long.parseLong(version);
	}

	private Version version(OpenDataPackage summary) {
		return new Version(summary.version(), summary.publishedAt(), summary.approvedBy(), summary.approvedAt(),
				summary.bytes(), summary.sha256(), properties.address(path(summary.version())));
	}

	static String path(long version) {
		return "/api/open-data/" + version + ".zip";
	}

	static String latestPath() {
		return "/api/open-data/latest.zip";
	}

	static String fileName(long version) {
		return "open-data-v" + version + ".zip";
	}
}
