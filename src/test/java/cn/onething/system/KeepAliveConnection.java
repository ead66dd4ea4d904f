package cn.onething.system;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 connection kept open across requests, written and read byte by byte as a proxy reusing an upstream
 * connection would. Java's and Spring's clients hide which connection a request travels on; here every request
 * surely reuses the same socket, and a request the server never answers surfaces as a read time-out.
 */
final class KeepAliveConnection implements AutoCloseable {

	record Response(int status, Map<String, String> headers, byte[] body) {
		String header(String name) {
			return headers.get(name.toLowerCase(Locale.ROOT));
		}
	}

	private final Socket socket;
	private final InputStream in;
	private final OutputStream out;

	KeepAliveConnection(int port, Duration answerWithin) throws IOException {
		socket = new Socket("127.0.0.1", port);
		socket.setSoTimeout((int) answerWithin.toMillis());
		in = socket.getInputStream();
		out = socket.getOutputStream();
	}

	/** Sends one request; throws SocketTimeoutException when no complete answer arrives in time. */
	Response exchange(String method, String target, Map<String, String> headers, byte[] body) throws IOException {
		StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
				.append("Host: localhost:").append(socket.getPort()).append("\r\n");
		headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
		if (body.length > 0) {
			head.append("Content-Length: ").append(body.length).append("\r\n");
		}
		out.write(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
		out.write(body);
		out.flush();
		return read(method);
	}

	private Response read(String method) throws IOException {
		String[] statusLine = line().split(" ", 3);
		int status = Integer.parseInt(statusLine[1]);
		Map<String, String> headers = new LinkedHashMap<>();
		for (String header = line(); !header.isEmpty(); header = line()) {
			int colon = header.indexOf(':');
			headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
		}
		byte[] body;
		if (method.equals("HEAD") || status == 204 || status == 304) {
			body = new byte[0];
		}
		else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
			body = chunked();
		}
		else if (headers.containsKey("content-length")) {
			body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
		}
		else {
			throw new IOException("answer " + status + " has neither a length nor chunks: the connection cannot be reused");
		}
		return new Response(status, headers, body);
	}

	private byte[] chunked() throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (int size = chunkSize(); size > 0; size = chunkSize()) {
			body.write(in.readNBytes(size));
			line();
		}
		for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
			// trailers are not used by the service; read past them
		}
		return body.toByteArray();
	}

	private int chunkSize() throws IOException {
		String size = line();
		int extension = size.indexOf(';');
		return Integer.parseInt(extension < 0 ? size : size.substring(0, extension), 16);
	}

	private String line() throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int b = in.read(); b != '\n'; b = in.read()) {
			if (b < 0) {
				throw new EOFException("the server closed the connection");
			}
			if (b != '\r') {
				line.write(b);
			}
		}
		return line.toString(StandardCharsets.ISO_8859_1);
	}

	@Override
	public void close() throws IOException {
		socket.close();
	}
}
