package cn.onething.platform;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code onething.platform.*}: where the regional platform's item payload comes from: an HTTP endpoint read page by
 * page ({@code LASTTIMESTAMP}), or a file; neither is set by default, and then nothing is synchronised.
 */
@ConfigurationProperties("onething.platform")
public record PlatformProperties(
		URI endpoint,
		Path file,
		@DefaultValue("100") int pageSize,
		@DefaultValue("10s") Duration timeout,
		@DefaultValue("20") int maxPages) {

	public PlatformProperties {
		if (endpoint != null && !("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme()))) {
			throw new IllegalArgumentException("onething.platform.endpoint must be an http:// or https:// address, was " + endpoint);
		}
		if (pageSize < 1 || maxPages < 1) {
			throw new IllegalArgumentException("onething.platform.page-size and max-pages must be at least 1");
		}
	}

	public boolean configured() {
		return endpoint != null || file != null;
	}

	/** Where the payload comes from, as sync records show it. */
	public String source() {
		return endpoint != null ? endpoint.toString() : file == null ? "" : file.toString();
	}
}
