package cn.onething.casework.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * A multipart request written by hand on a plain socket, so a test decides how much of the body the server gets and
 * when: Java's and Spring's clients send a body whole and read the answer after it. The answer is read on a thread of
 * its own and may come before the body is complete.
 */
final class RawUpload implements AutoCloseable {

	static final String BOUNDARY = "onething-test-boundary";

	/** The status line, the headers and the body of an answer, as text. */
	record Answer(int status, String head, String body) {
		String header(String name) {
			return head.lines().filter(line -> line.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT) + ":"))
					.map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst().orElse(null);
		}
	}

	private final Socket socket;
	private final OutputStream out;
	private final CompletableFuture<Answer> answer;

	/**
	 * Opens the connection and sends the request line and headers.
	 *
	 * @param contentLength the declared length, or -1 to send the body chunked
	 */
	RawUpload(int port, String target, long contentLength, String... headers) throws IOException {
		socket = new Socket("127.0.0.1", port);
		socket.setSoTimeout((int) Duration.ofSeconds(60).toMillis());
		out = socket.getOutputStream();
		InputStream in = socket.getInputStream();
		answer = CompletableFuture.supplyAsync(() -> read(in));
		StringBuilder head = new StringBuilder("POST ").append(target).append(" HTTP/1.1\r\nHost: localhost:").append(port)
				.append("\r\nContent-Type: multipart/form-data; boundary=").append(BOUNDARY).append("\r\n");
		head.append(contentLength < 0 ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + contentLength + "\r\n");
		for (String header : headers) {
			head.append(header).append("\r\n");
		}
		out.write(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	/** The bytes of a text part. */
	static byte[] field(String name, String contentType, String value) {
		return (partHead(name, null, contentType) + value + "\r\n").getBytes(StandardCharsets.UTF_8);
	}

	/** The head of a file part, for a test that sends its content piece by piece. */
	static byte[] fileHead(String name, String encodedFileName) {
		return partHead(name, encodedFileName, "application/pdf").getBytes(StandardCharsets.UTF_8);
	}

	/** The bytes of a file part whose {@code filename*} is sent percent-encoded (RFC 6266), as given. */
	static byte[] file(String name, String encodedFileName, byte[] content) {
		ByteArrayOutputStream part = new ByteArrayOutputStream();
		part.writeBytes(partHead(name, encodedFileName, "application/pdf").getBytes(StandardCharsets.UTF_8));
		part.writeBytes(content);
		part.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
		return part.toByteArray();
	}

	static byte[] end() {
		return ("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
	}

	private static String partHead(String name, String encodedFileName, String contentType) {
		return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
				+ (encodedFileName == null ? "" : "; filename*=UTF-8''" + encodedFileName)
				+ "\r\nContent-Type: " + contentType + "\r\n\r\n";
	}

	/** Writes bytes of the body as they are (with a declared Content-Length). */
	void send(byte[] bytes) throws IOException {
		out.write(bytes);
		out.flush();
	}

	/** Writes one chunk of a chunked body. */
	void sendChunk(byte[] bytes) throws IOException {
		out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.write(bytes);
		out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

	/** The answer, whenever it comes; it fails when none comes within a minute. */
	CompletableFuture<Answer> answer() {
		return answer;
	}

	private static Answer read(InputStream in) {
		try {
			ByteArrayOutputStream head = new ByteArrayOutputStream();
			while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
				int b = in.read();
				if (b < 0) {
					throw new IOException("connection closed without an answer");
				}
				head.write(b);
			}
			String text = head.toString(StandardCharsets.UTF_8);
			Answer headOnly = new Answer(Integer.parseInt(text.split(" ", 3)[1]), text, "");
			String length = headOnly.header("Content-Length");
			byte[] body = length != null ? in.readNBytes(Integer.parseInt(length)) : chunked(in);
			return new Answer(headOnly.status(), text, new String(body, StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private static byte[] chunked(InputStream in) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (int size = chunkSize(in); size > 0; size = chunkSize(in)) {
			body.write(in.readNBytes(size));
			in.readNBytes(2);
		}
		return body.toByteArray();
	}

	private static int chunkSize(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		for (int b = in.read(); b != '\n'; b = in.read()) {
			if (b < 0) {
				return 0;
			}
			line.append((char) b);
		}
		return Integer.parseInt(line.toString().strip().split(";")[0], 16);
	}

	@Override
	public void close() throws IOException {
		socket.close();
	}
}
