package cn.onething.casework.web;

import java.net.URI;
import java.time.Duration;

import cn.onething.casework.internal.MaterialFiles;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ResponseStatusException;

/**
 * An upload refused while it was being read, before anything was stored: 413 naming the limit it passed (the
 * property that sets it, and its value), or 503 with Retry-After when the replica already reads as many uploads as
 * it may. The API answers with the problem document; pages show {@link #message()} in Chinese, or the error page
 * of the status (a ResponseStatusException, so Spring Boot's error pages know the status).
 */
public final class UploadRefused extends ResponseStatusException {

	public static final URI TOO_LARGE = URI.create("/problems/upload-too-large");
	public static final URI BUSY = URI.create("/problems/uploads-busy");

	private final Duration retryAfter;

	/** @param limit the property that sets it, or what it is when no property does */
	private UploadRefused(HttpStatus status, URI type, String title, String message, String limit, Object max,
			Duration retryAfter) {
		super(status, message);
		getBody().setType(type);
		getBody().setTitle(title);
		getBody().setProperty("limit", limit);
		getBody().setProperty("max", max);
		this.retryAfter = retryAfter;
	}

	static UploadRefused fileTooLarge(DataSize max) {
		return tooLarge("有一个文件超过 " + megabytes(max) + " 的上限，未保存任何内容。请压缩或拆分后重新提交。",
				"onething.casework.max-upload-size", max);
	}

	static UploadRefused requestTooLarge(DataSize max) {
		return tooLarge("一次提交的文件合计超过 " + megabytes(max) + " 的上限，未保存任何内容。请减少或压缩文件后重新提交。",
				"onething.casework.max-upload-request-size", max);
	}

	/** Text fields are held in memory while the request is read, so they have a small fixed limit. */
	static UploadRefused fieldTooLarge(int maxBytes) {
		return tooLarge("有一项填写的内容超过 " + megabytes(DataSize.ofBytes(maxBytes)) + "，未保存任何内容。", "text field size",
				DataSize.ofBytes(maxBytes));
	}

	static UploadRefused tooManyParts(int max) {
		return new UploadRefused(HttpStatus.CONTENT_TOO_LARGE, TOO_LARGE, "Too many parts",
				"一次提交最多 " + max + " 项（表单项和文件合计），未保存任何内容。请分次提交。", "onething.casework.max-upload-parts", max, null);
	}

	static UploadRefused busy(int inFlight, Duration retryAfter) {
		return new UploadRefused(HttpStatus.SERVICE_UNAVAILABLE, BUSY, "Too many uploads at once",
				"正在处理的上传较多，请 " + retryAfter.toSeconds() + " 秒后重新提交，已填内容未保存。", "onething.casework.max-uploads-in-flight",
				inFlight, retryAfter);
	}

	private static UploadRefused tooLarge(String message, String limit, DataSize max) {
		return new UploadRefused(HttpStatus.CONTENT_TOO_LARGE, TOO_LARGE, "Upload too large", message, limit, max.toBytes(), null);
	}

	private static String megabytes(DataSize size) {
		return MaterialFiles.inWords(size);
	}

	/** What the person who sent it is told, in Chinese. */
	public String message() {
		return getReason();
	}

	@Override
	public HttpHeaders getHeaders() {
		HttpHeaders headers = new HttpHeaders();
		if (retryAfter != null) {
			headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.toSeconds()));
		}
		return headers;
	}
}
