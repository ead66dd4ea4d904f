package cn.onething.casework.web;

import java.util.List;
import java.util.Map;

import cn.onething.casework.Upload;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.util.MultiValueMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads a multipart form: files named {@code material.<key>} become uploads, text fields become form values. */
public final class UploadParts {

	private UploadParts() {
	}

	public static Mono<List<Upload>> uploads(MultiValueMap<String, Part> parts) {
		return Flux.fromIterable(parts.entrySet())
				.filter(entry -> entry.getKey().startsWith(Upload.FIELD_PREFIX))
				.flatMapIterable(entry -> entry.getValue().stream()
						.filter(FilePart.class::isInstance).map(FilePart.class::cast)
						.filter(file -> !file.filename().isBlank())
						.map(file -> Map.entry(entry.getKey().substring(Upload.FIELD_PREFIX.length()), file)).toList())
				.concatMap(entry -> DataBufferUtils.join(entry.getValue().content()).map(buffer -> {
					byte[] bytes = new byte[buffer.readableByteCount()];
					buffer.read(bytes);
					DataBufferUtils.release(buffer);
					return new Upload(entry.getKey(), entry.getValue().filename(), bytes);
				}))
				.collectList();
	}

	/** The first value of each text field. */
	public static Map<String, String> fields(MultiValueMap<String, Part> parts) {
		Map<String, String> fields = new java.util.LinkedHashMap<>();
		parts.forEach((name, values) -> values.stream().filter(FormFieldPart.class::isInstance).findFirst()
				.ifPresent(part -> fields.put(name, ((FormFieldPart) part).value().strip())));
		return fields;
	}
}
