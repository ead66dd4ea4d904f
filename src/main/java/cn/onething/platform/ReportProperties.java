package cn.onething.platform;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code onething.platform.reports.*}: where case and rating reports go (docs/platform.md §5). No endpoint (the
 * embedded default) sends nothing: each report is completed as not sent. Checked at start-up, naming the property.
 *
 * @param endpoint the platform's report interface, e.g. {@code https://…/api/reports}; each report is one POST
 * @param timeout  per attempt; no answer by then is a transport failure, retried by the outbox
 */
@ConfigurationProperties("onething.platform.reports")
public record ReportProperties(URI endpoint, @DefaultValue("10s") Duration timeout) {

	public ReportProperties {
		if (endpoint != null) {
			if (!("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme()))) {
				throw new IllegalArgumentException(
						"onething.platform.reports.endpoint must be an http:// or https:// address, was " + endpoint);
			}
			if (endpoint.getHost() == null || endpoint.getHost().isBlank()) {
				throw new IllegalArgumentException("onething.platform.reports.endpoint names no host: " + endpoint);
			}
		}
		if (timeout == null || timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("onething.platform.reports.timeout must be a positive duration, was " + timeout);
		}
	}

	public boolean configured() {
		return endpoint != null;
	}
}
