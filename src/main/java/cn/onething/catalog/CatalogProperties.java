package cn.onething.catalog;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code onething.catalog.*}: where the guides folder is, whether to import it at start-up, the token that allows
 * an import on demand, the public address printed in QR codes, and whether a change waits for review before
 * publication (off by default: files publish at start-up, docs/platform.md §3).
 */
@ConfigurationProperties("onething.catalog")
public record CatalogProperties(
		@DefaultValue("guides") Path guidesDir,
		@DefaultValue("true") boolean importOnStartup,
		String importToken,
		@DefaultValue("http://localhost:8080") String publicBaseUrl,
		@DefaultValue("false") boolean reviewBeforePublication) {

	public CatalogProperties {
		if (publicBaseUrl.endsWith("/")) {
			publicBaseUrl = publicBaseUrl.substring(0, publicBaseUrl.length() - 1);
		}
		if (!publicBaseUrl.matches("https?://.+")) {
			throw new IllegalArgumentException("onething.catalog.public-base-url must start with http:// or https://, was " + publicBaseUrl);
		}
	}

	/** The short address of a guide, stable across versions: what its QR code holds. */
	public String guideUrl(String code) {
		return address("/g/" + code);
	}

	/** The public address of a path of this service. */
	public String address(String path) {
		return publicBaseUrl + path;
	}
}
