package cn.onething.platform.internal;

import java.nio.file.Files;

import cn.onething.platform.PlatformProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Where the payload's pages come from: the configured HTTP endpoint, page after page from {@code LASTTIMESTAMP} 0
 * until a page comes back short, or the configured file as one page.
 */
@Component
class PlatformSource {

	/** Reading the payload file is blocking IO: it runs here, never on a request thread. */
	private final Scheduler files = Schedulers.newBoundedElastic(1, 4, "platform-files");
	private final PlatformProperties properties;
	private final WebClient http = WebClient.builder().codecs(c -> c.defaultCodecs().maxInMemorySize(32 * 1024 * 1024)).build();

	PlatformSource(PlatformProperties properties) {
		this.properties = properties;
	}

	/** The pages in order, each read by {@code payloads}; the platform's errors as {@link PlatformReading.Unreachable}. */
	Flux<PayloadReader.Page> pages(PayloadReader payloads) {
		if (properties.endpoint() == null) {
			return Mono.fromCallable(() -> Files.readString(properties.file())).subscribeOn(files)
					.onErrorMap(PlatformReading.Unreachable::new).map(payloads::read).flux();
		}
		return page("0", payloads).expand(page -> isFull(page) ? page(page.lastTimestamp(), payloads) : Mono.empty())
				.take(properties.maxPages());
	}

	/** A full page may have a successor; a short one, or one with problems, is the last. */
	private boolean isFull(PayloadReader.Page page) {
		return page.problems().isEmpty() && page.items().size() >= properties.pageSize() && !page.lastTimestamp().isEmpty();
	}

	private Mono<PayloadReader.Page> page(String lastTimestamp, PayloadReader payloads) {
		return http.get()
				.uri(UriComponentsBuilder.fromUri(properties.endpoint()).queryParam("LASTTIMESTAMP", lastTimestamp)
						.queryParam("PAGESIZE", properties.pageSize()).build().toUri())
				.retrieve().bodyToMono(String.class)
				.timeout(properties.timeout())
				.onErrorMap(PlatformReading.Unreachable::new)
				.defaultIfEmpty("")
				.map(payloads::read);
	}
}
