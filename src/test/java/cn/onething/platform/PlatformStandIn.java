package cn.onething.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Pattern;
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
 * A small stand-in of the regional platform on loopback. Its item interface serves a fixture payload page by page
 * ({@code LASTTIMESTAMP} as the cursor, {@code PAGESIZE} items a page), can answer with a broken body, or be down.
 * Its report interface ({@code POST /api/reports}) takes case and rating reports as the platform does
 * (docs/platform.md §5): once per {@code Idempotency-Key}, a repeated key answered as taken and not kept again; it
 * refuses an unmasked applicant, and whatever a test tells it to refuse; {@code GET /api/reports} lists what it took.
 * <p>
 * {@code main} runs it alone for the README's try-it: {@code ./mvnw -q test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=cn.onething.platform.PlatformStandIn -Dexec.args=8090}.
 */
public final class PlatformStandIn implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** A masked ID number shows at most its first three characters. */
	private static final Pattern MASKED_ID = Pattern.compile("[^*]{0,3}\\*+");

	private final HttpServer server;
	private final List<String> requests = new CopyOnWriteArrayList<>();
	private final Map<String, JsonNode> reports = new LinkedHashMap<>();
	private final AtomicInteger repeatedReports = new AtomicInteger();
	private final AtomicInteger answersToLose = new AtomicInteger();
	private volatile JsonNode payload;
	private volatile String rawBody;
	private volatile boolean down;
	private volatile Predicate<JsonNode> refused = report -> false;
	private volatile String refusal = "";

	public PlatformStandIn() {
		this(0);
	}

	private PlatformStandIn(int port) {
		try {
			server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		server.createContext("/api/audit-items", this::items);
		server.createContext("/api/reports", this::reports);
		server.start();
	}

	/** Serves fusui-items.json and takes reports on the port given (8090 without one) until stopped. */
	public static void main(String[] args) {
		PlatformStandIn standIn = new PlatformStandIn(args.length > 0 ? Integer.parseInt(args[0]) : 8090).serve("fusui-items.json");
		System.out.println("platform stand-in: items at " + standIn.endpoint() + ", reports at " + standIn.reportsEndpoint()
				+ " (GET lists the reports taken)");
	}

	public URI endpoint() {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/audit-items");
	}

	public URI reportsEndpoint() {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/reports");
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

	/** Back after {@link #goDown}, serving what it served before. */
	public PlatformStandIn comeBack() {
		down = false;
		return this;
	}

	/** Refuses reports that match with HTTP 422 and this reason, until told otherwise. */
	public PlatformStandIn refuseReports(Predicate<JsonNode> which, String reason) {
		refusal = reason;
		refused = which;
		return this;
	}

	public PlatformStandIn takeAllReports() {
		refused = report -> false;
		return this;
	}

	/** The next reports are taken, but the answer is a 502 as from a proxy that lost it: the sender must try again. */
	public PlatformStandIn loseAnswers(int count) {
		answersToLose.set(count);
		return this;
	}

	/** The reports taken, each once, in the order they first arrived. */
	public List<JsonNode> reports() {
		synchronized (reports) {
			return List.copyOf(reports.values());
		}
	}

	/** Reports that arrived again with a key already taken, and were not kept again. */
	public int repeatedReports() {
		return repeatedReports.get();
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

	private void reports(HttpExchange exchange) throws IOException {
		if ("GET".equals(exchange.getRequestMethod())) {
			respond(exchange, 200, JSON.writeValueAsString(reports()));
			return;
		}
		if (down) {
			respond(exchange, 503, "{\"STATUS\":{\"CODE\":\"99\",\"TEXT\":\"维护中\"}}");
			return;
		}
		String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
		JsonNode report;
		try (InputStream in = exchange.getRequestBody()) {
			report = JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (RuntimeException notJson) {
			respond(exchange, 400, status("40", "报送内容不是 JSON"));
			return;
		}
		if (key == null || key.isBlank() || !key.equals(report.path("report_id").asString(""))) {
			respond(exchange, 422, status("41", "缺少 Idempotency-Key，或与 report_id 不一致"));
			return;
		}
		String id = report.path("applicant_id_number").asString("");
		if ("111".equals(report.path("applicant_id_type").asString("")) && !MASKED_ID.matcher(id).matches()) {
			respond(exchange, 422, status("42", "申请人证件号码未脱敏"));
			return;
		}
		if (refused.test(report)) {
			respond(exchange, 422, status("43", refusal));
			return;
		}
		boolean first;
		synchronized (reports) {
			first = reports.putIfAbsent(key, report) == null;
		}
		if (!first) {
			repeatedReports.incrementAndGet();
		}
		if (first && answersToLose.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
			respond(exchange, 502, "Bad Gateway");
			return;
		}
		respond(exchange, 200, status("00", first ? "接收成功" : "重复报送，已接收过"));
	}

	private static String status(String code, String text) {
		ObjectNode answer = JSON.createObjectNode();
		answer.putObject("STATUS").put("CODE", code).put("TEXT", text);
		return JSON.writeValueAsString(answer);
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
