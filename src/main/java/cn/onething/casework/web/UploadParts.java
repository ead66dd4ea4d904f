package cn.onething.casework.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.onething.casework.CaseworkProperties;
import cn.onething.casework.Upload;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads a multipart form, for the applicant's form, the API, the correction upload and window intake alike: files
 * named {@code material.<key>} become uploads, text fields become form values. The parts arrive bounded by
 * {@link LimitedPartReader} (files larger than 256 KB wait on disk); a file is read into memory only up to
 * {@code max-upload-size}, and one past it refuses the whole request ({@link UploadRefused}, 413) while the text
 * fields stay readable for the page that says so.
 */
@Component
public class UploadParts {

	private final CaseworkProperties limits;

	UploadParts(CaseworkProperties limits) {
		this.limits = limits;
	}

	public Mono<List<Upload>> uploads(ServerWebExchange exchange) {
		return exchange.getMultipartData().flatMap(this::uploads);
	}

	public Mono<List<Upload>> uploads(MultiValueMap<String, Part> parts) {
		int maxBytes = (int) limits.maxUploadSize().toBytes();
		return Flux.fromIterable(parts.entrySet())
				.filter(entry -> entry.getKey().startsWith(Upload.FIELD_PREFIX))
				.flatMapIterable(entry -> entry.getValue().stream()
						.filter(FilePart.class::isInstance).map(FilePart.class::cast)
						.filter(file -> !file.filename().isBlank())
						.map(file -> Map.entry(entry.getKey().substring(Upload.FIELD_PREFIX.length()), file)).toList())
				.concatMap(entry -> DataBufferUtils.join(entry.getValue().content(), maxBytes).map(buffer -> {
					byte[] bytes = new byte[buffer.readableByteCount()];
					buffer.read(bytes);
					DataBufferUtils.release(buffer);
					return new Upload(entry.getKey(), entry.getValue().filename(), bytes);
				}))
				.onErrorMap(DataBufferLimitException.class, tooLarge -> UploadRefused.fileTooLarge(limits.maxUploadSize()))
				.collectList();
	}

	/** The first value of each text field. */
	public static Map<String, String> fields(MultiValueMap<String, Part> parts) {
		Map<String, String> fields = new LinkedHashMap<>();
		parts.forEach((name, values) -> values.stream().filter(FormFieldPart.class::isInstance).findFirst()
				.ifPresent(part -> fields.put(name, ((FormFieldPart) part).value().strip())));
		return fields;
	}
}
