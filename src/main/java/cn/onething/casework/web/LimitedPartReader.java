package cn.onething.casework.web;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import cn.onething.casework.CaseworkProperties;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ReactiveHttpInputMessage;
import org.springframework.http.codec.HttpMessageReader;
import org.springframework.http.codec.multipart.DefaultPartHttpMessageReader;
import org.springframework.http.codec.multipart.Part;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The one reader of multipart bodies (every {@code getMultipartData()} and {@code @RequestPart} goes through it).
 * Spring's reader keeps a file in memory up to 256 KB and streams anything larger to a temporary file, and refuses
 * a text field over 256 KB; this reader stops the body at {@code max-upload-request-size} and the parts at number
 * {@code max-upload-parts + 1}. Each stop is an {@link UploadRefused}; Spring deletes the files of the parts read
 * before it. {@link UploadGate} refuses what its Content-Length already shows to be over the
 * limit before this reader starts, and bounds how many requests are read at once.
 */
final class LimitedPartReader implements HttpMessageReader<Part> {

	private final DefaultPartHttpMessageReader parts = new DefaultPartHttpMessageReader();
	private final CaseworkProperties limits;

	LimitedPartReader(CaseworkProperties limits) {
		this.limits = limits;
		// a file is bounded by the request here, and by max-upload-size where UploadParts reads it: refused there, the
		// text fields are still there for the page that says so
		parts.setMaxDiskUsagePerPart(-1);
		// counted here instead, so going over is refused with our 413 rather than Spring's decoding error
		parts.setMaxParts(-1);
	}

	@Override
	public Flux<Part> read(ResolvableType type, ReactiveHttpInputMessage message, Map<String, Object> hints) {
		return Flux.defer(() -> {
			AtomicInteger count = new AtomicInteger();
			AtomicReference<UploadRefused> overLimit = new AtomicReference<>();
			Sinks.Empty<Void> stop = Sinks.empty();
			return parts.read(type, counted(message, refused -> {
						overLimit.set(refused);
						stop.tryEmitEmpty();
					}), hints)
					// cancelled from here rather than failed from the body: an error inside Spring's parser reaches
					// its part and the part's stream both, and the second is logged at ERROR as dropped
					.takeUntilOther(stop.asMono())
					.concatWith(Mono.defer(() -> Mono.justOrEmpty(overLimit.get()).flatMap(Mono::error)))
					.<Part>handle((part, sink) -> {
						if (count.incrementAndGet() > limits.maxUploadParts()) {
							// the parts before it are collected, and deleted, by Spring; this one only we hold
							part.delete().onErrorComplete().subscribe();
							sink.error(UploadRefused.tooManyParts(limits.maxUploadParts()));
						}
						else {
							sink.next(part);
						}
					})
					.onErrorMap(DataBufferLimitException.class, tooLarge -> UploadRefused.fieldTooLarge(parts.getMaxInMemorySize()));
		});
	}

	/**
	 * The body, ending at the first buffer past {@code max-upload-request-size} (what came before it is all that is
	 * ever read of it) with the refusal handed to {@code refuse}. Every buffer is passed on as a copy on the heap.
	 */
	private ReactiveHttpInputMessage counted(ReactiveHttpInputMessage message, Consumer<UploadRefused> refuse) {
		DataSize max = limits.maxUploadRequestSize();
		AtomicLong read = new AtomicLong();
		Flux<DataBuffer> body = message.getBody().handle((buffer, sink) -> {
			try {
				if (read.addAndGet(buffer.readableByteCount()) > max.toBytes()) {
					refuse.accept(UploadRefused.requestTooLarge(max));
				}
				else {
					sink.next(onTheHeap(buffer));
				}
			}
			finally {
				DataBufferUtils.release(buffer);
			}
		});
		return new ReactiveHttpInputMessage() {
			@Override
			public HttpHeaders getHeaders() {
				return message.getHeaders();
			}

			@Override
			public Flux<DataBuffer> getBody() {
				return body;
			}
		};
	}

	/**
	 * A copy of the buffer on the heap. Spring's multipart parser does not release every buffer it holds when the
	 * body fails part-way (docs/uploads.md), and Netty's pooled direct memory is not given back by the garbage
	 * collector: a copy is, and costs one memory copy of what we were about to write to disk anyway.
	 */
	private static DataBuffer onTheHeap(DataBuffer buffer) {
		byte[] bytes = new byte[buffer.readableByteCount()];
		buffer.read(bytes);
		return DefaultDataBufferFactory.sharedInstance.wrap(bytes);
	}

	@Override
	public Mono<Part> readMono(ResolvableType type, ReactiveHttpInputMessage message, Map<String, Object> hints) {
		return parts.readMono(type, message, hints);
	}

	@Override
	public List<MediaType> getReadableMediaTypes() {
		return parts.getReadableMediaTypes();
	}

	@Override
	public boolean canRead(ResolvableType type, MediaType mediaType) {
		return parts.canRead(type, mediaType);
	}
}
