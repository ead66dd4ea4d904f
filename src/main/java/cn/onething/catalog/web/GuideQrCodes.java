package cn.onething.catalog.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import cn.onething.catalog.Catalog;
import cn.onething.catalog.CatalogProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The QR image of each guide's short address, to print beside a window or in the compendium. */
@RestController
class GuideQrCodes {

	/** The address in the image never changes for a code, so phones and printers may keep it for a day. */
	private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofDays(1)).cachePublic();

	private final Catalog catalog;
	private final CatalogProperties properties;
	/**
	 * Encoding a PNG costs about a millisecond of event-loop CPU; an address never changes for a code, so each
	 * image is made once. Bounded by the catalogue's size (codes of unknown guides are refused before this).
	 */
	private final Map<String, byte[]> pngs = new ConcurrentHashMap<>();
	private final Map<String, String> svgs = new ConcurrentHashMap<>();

	GuideQrCodes(Catalog catalog, CatalogProperties properties) {
		this.catalog = catalog;
		this.properties = properties;
	}

	@GetMapping(value = "/g/{code}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
	ResponseEntity<byte[]> png(@PathVariable String code) {
		return ResponseEntity.ok().cacheControl(CACHE).body(pngs.computeIfAbsent(addressOf(code), QrCodeImages::png));
	}

	@GetMapping(value = "/g/{code}/qr.svg", produces = "image/svg+xml")
	ResponseEntity<String> svg(@PathVariable String code) {
		return ResponseEntity.ok().cacheControl(CACHE).contentType(MediaType.valueOf("image/svg+xml"))
				.body(svgs.computeIfAbsent(addressOf(code), QrCodeImages::svg));
	}

	private String addressOf(String code) {
		if (catalog.current().guide(code).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有找到这个办事指南");
		}
		return properties.guideUrl(code);
	}
}
