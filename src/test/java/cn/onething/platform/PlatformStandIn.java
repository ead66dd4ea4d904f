package cn.onething.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import cn.onething.system.TestDatabase;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small stand-in of the regional platform's item interface on loopback: serves a fixture payload page by page
 * ({@code LASTTIMESTAMP} as the cursor, {@code PAGESIZE} items a page), can answer with a broken body, or be down.
 */
public final class PlatformStandIn implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpServer server;
	private final List<String> requests = new CopyOnWriteArrayList<>();
	private volatile JsonNode payload;
	private volatile String rawBody;
	private volatile boolean down;

	public PlatformStandIn() {
		try {
			server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		server.createContext("/api/audit-items", this::items);
		server.start();
	}

	public URI endpoint() {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/audit-items");
	}

	/** Points a test's service at a database of its own, the guides folder and this stand-in. */
	public void register(DynamicPropertyRegistry registry, Path guides) {
		TestDatabase.registerFresh(registry);
		registry.add("onething.catalog.guides-dir", guides::toString);
		registry.add("onething.platform.endpoint", () -> endpoint().toString());
	}

	/** Serves a payload of src/test/resources/platform/. */
	public PlatformStandIn serve(String fixture) {
		payload = JSON.readTree(fixtureText(fixture));
		rawBody = null;
		down = false;
		return this;
	}

	/** Answers every request with this body as it is, e.g. a truncated one. */
	public PlatformStandIn answerWith(String body) {
		rawBody = body;
		return this;
	}

	public PlatformStandIn goDown() {
		down = true;
		return this;
	}

	/** Runs {@code then} with this stand-in: lets a test say what the platform serves and what it does in one line. */
	public <T> T let(java.util.function.Function<PlatformStandIn, T> then) {
		return then.apply(this);
	}

	public List<String> requests() {
		return List.copyOf(requests);
	}

	public static String fixtureText(String fixture) {
		try (InputStream in = PlatformStandIn.class.getResourceAsStream("/platform/" + fixture)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void items(HttpExchange exchange) throws IOException {
		requests.add(exchange.getRequestURI().getRawQuery());
		if (down) {
			respond(exchange, 503, "{\"STATUS\":{\"CODE\":\"99\",\"TEXT\":\"维护中\"}}");
			return;
		}
		if (rawBody != null) {
			respond(exchange, 200, rawBody);
			return;
		}
		Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
		int from = Integer.parseInt(query.getOrDefault("LASTTIMESTAMP", "0"));
		int size = Integer.parseInt(query.getOrDefault("PAGESIZE", "100"));
		JsonNode all = payload.path("data").path("list");
		ObjectNode page = JSON.createObjectNode();
		page.putObject("STATUS").put("CODE", "00").put("TEXT", "成功");
		ObjectNode data = page.putObject("data");
		ArrayNode list = data.putArray("list");
		for (int i = from; i < Math.min(all.size(), from + size); i++) {
			list.add(all.get(i));
		}
		data.put("LASTTIMESTAMP", String.valueOf(from + list.size()));
		data.put("RETURNITEMSUNNUM", list.size());
		respond(exchange, 200, JSON.writeValueAsString(page));
	}

	private static Map<String, String> query(String raw) {
		return raw == null ? Map.of() : java.util.Arrays.stream(raw.split("&")).map(p -> p.split("=", 2))
				.collect(Collectors.toMap(p -> p[0], p -> p.length > 1 ? p[1] : ""));
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json;charset=UTF-8");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
