package cn.onething.catalog.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

import cn.onething.catalog.Catalog;
import cn.onething.catalog.LifeEventSource;
import org.reactivestreams.Publisher;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * The applicant's catalogue pages as rendered bytes, kept per content version. A guide page is a function of its
 * address, the versions of the catalogue and of the life events it links to, and the release (see
 * {@link PageVersions}), and a hall's QR codes send many phones to the same few pages at once: rendering the template
 * again for each of them only burns the CPU that the next phone is waiting for. The first request renders as usual, through the security chain and the controller; its
 * status, headers (the security headers included) and body are kept, with a gzip copy made once instead of on every
 * answer. Later requests for the same address and version get those bytes without running the chain again.
 * <p>
 * Only addresses whose answer cannot depend on who asks are kept: the applicant's catalogue pages, which keep no
 * session and carry no form token, and only GETs that answered 200 and set no cookie. A new import starts an empty
 * cache, of the catalogue or of the bundles (search, home and guide pages show them). Searches are kept too, since
 * hall visitors search for the same few things; the memory all pages may take is bounded, so that made-up queries
 * cannot grow the heap.
 */
@Component
@Order(RenderedPages.BEFORE_SECURITY)
class RenderedPages implements WebFilter {

	/** Spring Security's filter chain runs at -100; cached pages replay its headers instead of running it. */
	static final int BEFORE_SECURITY = -200;

	/** Every page of a county's catalogue fits many times over; made-up search queries push out the oldest. */
	private static final long MOST_BYTES = 32L << 20;
	private static final List<String> NOT_REPLAYED = List.of(HttpHeaders.CONTENT_LENGTH, HttpHeaders.TRANSFER_ENCODING,
			HttpHeaders.CONTENT_ENCODING, HttpHeaders.DATE, HttpHeaders.VARY);
	private static final List<PathPattern> PAGES = parse("/", "/domains/{id}", "/g/{code}", "/g/{code}/versions",
			"/g/{code}/v/{version}");
	private static final PathPattern SEARCH = parse("/search").get(0);

	private final Catalog catalog;
	private final LifeEventsNow lifeEvents;
	private Pages pages = new Pages("", MOST_BYTES);

	/**
	 * @param lifeEvents the supplier of the bundles the pages show; read through its own {@link LifeEventsNow} rather
	 *                   than that bean, so that a WebFlux test slice, which takes this filter but not the catalogue's
	 *                   components, still starts
	 */
	RenderedPages(Catalog catalog, ObjectProvider<LifeEventSource> lifeEvents) {
		this.catalog = catalog;
		this.lifeEvents = new LifeEventsNow(lifeEvents);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		Optional<PathPattern> pattern = cacheable(exchange.getRequest());
		if (pattern.isEmpty()) {
			return chain.filter(exchange);
		}
		Pages current = pagesOf(lifeEvents.contentVersion(catalog.current()));
		String query = exchange.getRequest().getURI().getRawQuery();
		// by scheme too: over HTTPS (at the Ingress) the security chain adds HSTS, over plain HTTP it must not
		String address = exchange.getRequest().getURI().getScheme() + ":" + exchange.getRequest().getURI().getRawPath()
				+ (query == null ? "" : "?" + query);
		Page kept = current.get(address);
		if (kept != null) {
			// http.server.requests is tagged with the route, which no handler mapping set on this shortcut
			ServerRequestObservationContext.findCurrent(exchange.getAttributes())
					.ifPresent(observed -> observed.setPathPattern(pattern.get().getPatternString()));
			return kept.writeTo(exchange);
		}
		return chain.filter(exchange.mutate().response(new Keeping(exchange.getResponse(), current, address)).build());
	}

	private static Optional<PathPattern> cacheable(ServerHttpRequest request) {
		if (request.getMethod() != HttpMethod.GET) {
			return Optional.empty();
		}
		PathContainer path = request.getPath().pathWithinApplication();
		String query = request.getURI().getRawQuery();
		if (query == null) {
			return PAGES.stream().filter(page -> page.matches(path)).findFirst();
		}
		return SEARCH.matches(path) ? Optional.of(SEARCH) : Optional.empty();
	}

	private synchronized Pages pagesOf(String contentVersion) {
		if (!pages.contentVersion.equals(contentVersion)) {
			pages = new Pages(contentVersion, MOST_BYTES);
		}
		return pages;
	}

	private static List<PathPattern> parse(String... patterns) {
		return Arrays.stream(patterns).map(PathPatternParser.defaultInstance::parse).toList();
	}

	/** The pages of one content version (catalogue and life events) within a memory budget, the least recently asked for dropped first. */
	static final class Pages {

		private final String contentVersion;
		private final long budget;
		private final Map<String, Page> byAddress = new LinkedHashMap<>(256, 0.75f, true);
		private long bytes;

		Pages(String contentVersion, long budget) {
			this.contentVersion = contentVersion;
			this.budget = budget;
		}

		synchronized Page get(String address) {
			return byAddress.get(address);
		}

		synchronized void put(String address, Page page) {
			Page replaced = byAddress.put(address, page);
			bytes += page.size() - (replaced == null ? 0 : replaced.size());
			Iterator<Page> eldestFirst = byAddress.values().iterator();
			while (bytes > budget && eldestFirst.hasNext()) {
				bytes -= eldestFirst.next().size();
				eldestFirst.remove();
			}
		}
	}

	/** One rendered answer: the headers to replay, the body, and the body gzipped. */
	record Page(HttpHeaders headers, byte[] body, byte[] gzipped) {

		static Page of(HttpHeaders rendered, byte[] body) {
			HttpHeaders headers = new HttpHeaders();
			rendered.forEach((name, values) -> {
				if (NOT_REPLAYED.stream().noneMatch(name::equalsIgnoreCase)) {
					headers.put(name, values);
				}
			});
			headers.set(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
			return new Page(HttpHeaders.readOnlyHttpHeaders(headers), body, gzip(body));
		}

		long size() {
			return body.length + gzipped.length;
		}

		Mono<Void> writeTo(ServerWebExchange exchange) {
			ServerHttpResponse response = exchange.getResponse();
			response.getHeaders().putAll(headers);
			String etag = headers.getETag();
			if (etag != null && exchange.checkNotModified(etag)) {
				return response.setComplete();
			}
			byte[] bytes = body;
			if (acceptsGzip(exchange.getRequest())) {
				bytes = gzipped;
				response.getHeaders().set(HttpHeaders.CONTENT_ENCODING, "gzip");
			}
			response.getHeaders().setContentLength(bytes.length);
			return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
		}

		private static boolean acceptsGzip(ServerHttpRequest request) {
			return request.getHeaders().getOrEmpty(HttpHeaders.ACCEPT_ENCODING).stream()
					.flatMap(value -> Arrays.stream(value.split(",")))
					.map(String::strip)
					.anyMatch(coding -> coding.equalsIgnoreCase("gzip") || coding.regionMatches(true, 0, "gzip;", 0, 5)
							&& !coding.replace(" ", "").endsWith("q=0"));
		}

		private static byte[] gzip(byte[] body) {
			ByteArrayOutputStream zipped = new ByteArrayOutputStream(body.length / 3 + 64);
			try (GZIPOutputStream out = new GZIPOutputStream(zipped)) {
				out.write(body);
			}
			catch (IOException impossible) {
				throw new UncheckedIOException(impossible);
			}
			return zipped.toByteArray();
		}
	}

	/** Passes the first rendering of a page through to the client and keeps a copy when it may be replayed. */
	private static final class Keeping extends ServerHttpResponseDecorator {

		private final Pages pages;
		private final String address;

		Keeping(ServerHttpResponse delegate, Pages pages, String address) {
			super(delegate);
			this.pages = pages;
			this.address = address;
		}

		@Override
		public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
			return DataBufferUtils.join(body).flatMap(joined -> {
				byte[] bytes = new byte[joined.readableByteCount()];
				joined.read(bytes);
				DataBufferUtils.release(joined);
				// kept once written: the security headers are added as the response commits
				return super.writeWith(Mono.just(bufferFactory().wrap(bytes))).doOnSuccess(written -> {
					if (HttpStatus.OK.equals(getStatusCode()) && !getHeaders().containsHeader(HttpHeaders.SET_COOKIE)) {
						pages.put(address, Page.of(getHeaders(), bytes));
					}
				});
			});
		}
	}
}
