package cn.onething.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Links to the service's static files carry a digest of their content ({@code /static/css/app.css?v=3f2a9c1b0e4d5a67}).
 * Phones keep static files for the 7 days they are cached (spring.web.resources.cache); a stylesheet changed by a
 * release has a new address, so no page meets the old one. Thymeleaf's {@code @{...}} links pass through the
 * exchange's URL transformers, and this filter gives every request one. The files are read once, at start-up.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class StaticAssetVersions implements WebFilter {

	private static final String STATIC = "/static/";

	private final Map<String, String> versioned = new TreeMap<>();

	StaticAssetVersions(ResourcePatternResolver resources) throws IOException {
		for (Resource file : resources.getResources("classpath:" + STATIC + "**/*.*")) {
			String location = file.getURL().toString();
			String path = location.substring(location.lastIndexOf(STATIC));
			versioned.put(path, path + "?v=" + digest(file));
		}
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		exchange.addUrlTransformer(url -> versioned.getOrDefault(url, url));
		return chain.filter(exchange);
	}

	private static String digest(Resource file) {
		try (InputStream content = file.getInputStream()) {
			byte[] sha = MessageDigest.getInstance("SHA-256").digest(content.readAllBytes());
			return HexFormat.of().formatHex(sha, 0, 8);
		}
		catch (IOException e) {
			throw new UncheckedIOException("could not read " + file, e);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java has SHA-256", e);
		}
	}
}
