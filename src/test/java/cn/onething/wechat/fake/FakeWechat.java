package cn.onething.wechat.fake;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A WeChat official account server on loopback, real HTTP on a free port, as docs/wechat.md §9 suggests: the token
 * endpoints, template and subscribe sends, QR codes, web OAuth, and the callback pushes that follow. It serves the
 * API, mp and open hosts at once (their paths do not collide). Faults can be injected per endpoint, and everything
 * received is kept for assertions (§10.A.27, §10.A.28).
 */
public final class FakeWechat implements AutoCloseable {

	public static final String APP_ID = "wx0000000000000001";
	public static final String SECRET = "fake-app-secret-0123456789abcdef";
	/** The callback Token and EncodingAESKey of the §6.3 test vector. */
	public static final String TOKEN = "AAAAA";
	public static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

	public static final String TOKEN_PATH = "/cgi-bin/token";
	public static final String STABLE_TOKEN_PATH = "/cgi-bin/stable_token";
	public static final String TEMPLATE_SEND_PATH = "/cgi-bin/message/template/send";
	public static final String BIZSEND_PATH = "/cgi-bin/message/subscribe/bizsend";
	public static final String QRCODE_CREATE_PATH = "/cgi-bin/qrcode/create";
	public static final String SHOW_QRCODE_PATH = "/cgi-bin/showqrcode";
	public static final String AUTHORIZE_PATH = "/connect/oauth2/authorize";
	public static final String OAUTH_TOKEN_PATH = "/sns/oauth2/access_token";

	/** One request as received: access_token is the query parameter of business calls (§0.1). */
	public record Received(String method, String path, Map<String, String> query, String body) {

		public String accessToken() {
			return query.get("access_token");
		}
	}

	private final HttpServer server;
	private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
		Thread thread = new Thread(runnable, "fake-wechat");
		thread.setDaemon(true);
		return thread;
	});
	private final FakeClock clock = new FakeClock();
	private final FakeTokens tokens = new FakeTokens(clock);
	private final FakeCallbacks callbacks = new FakeCallbacks();
	private final FakeMessages messages = new FakeMessages(clock, callbacks);
	private final FakeQrCodes qrCodes = new FakeQrCodes(clock, messages, callbacks);
	private final FakeOAuth oauth = new FakeOAuth(clock);
	private final Map<String, Function<FakeRequest, FakeResponse>> routes = new HashMap<>();
	private final Map<String, Deque<Queued>> faults = new HashMap<>();
	private final Map<String, Function<Received, Fault>> faultRules = new HashMap<>();
	private final List<Received> received = new ArrayList<>();

	private FakeWechat() throws IOException {
		routes.put(TOKEN_PATH, tokens::token);
		routes.put(STABLE_TOKEN_PATH, tokens::stableToken);
		routes.put(TEMPLATE_SEND_PATH, business(messages::templateSend));
		routes.put(BIZSEND_PATH, business(messages::bizsend));
		routes.put(QRCODE_CREATE_PATH, business(qrCodes::create));
		routes.put(SHOW_QRCODE_PATH, qrCodes::show);
		routes.put(AUTHORIZE_PATH, oauth::authorize);
		routes.put(OAUTH_TOKEN_PATH, oauth::exchange);
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.setExecutor(threads);
		server.createContext("/", this::handle);
		server.start();
	}

	public static FakeWechat start() {
		try {
			return new FakeWechat();
		}
		catch (IOException e) {
			throw new IllegalStateException("could not open a loopback port for the fake WeChat", e);
		}
	}

	/** The base address for apiHost, mpHost and openHost alike, without a trailing slash (§7.1). */
	public String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	public FakeClock clock() {
		return clock;
	}

	public FakeTokens tokens() {
		return tokens;
	}

	public FakeMessages messages() {
		return messages;
	}

	public FakeQrCodes qrCodes() {
		return qrCodes;
	}

	public FakeOAuth oauth() {
		return oauth;
	}

	public FakeCallbacks callbacks() {
		return callbacks;
	}

	/** The next call of this endpoint fails this way. */
	public void failNext(String path, Fault fault) {
		failNext(path, fault, 1);
	}

	public void failNext(String path, Fault fault, int times) {
		queue(path, fault, times, request -> true);
	}

	/**
	 * The next template send to this openid fails this way. A fake shared by several running services (each Spring
	 * context a test suite keeps cached still sends its pushes as they fall due) must aim a fault at the recipient
	 * of the test that queued it: another service's send would otherwise take it.
	 */
	public void failNextSendTo(String openid, Fault fault) {
		queue(TEMPLATE_SEND_PATH, fault, 1, request -> openid.equals(recipientOf(request)));
	}

	private synchronized void queue(String path, Fault fault, int times, Predicate<Received> aimedAt) {
		Deque<Queued> queue = faults.computeIfAbsent(path, ignored -> new ArrayDeque<>());
		for (int i = 0; i < times; i++) {
			queue.add(new Queued(fault, aimedAt));
		}
	}

	private static String recipientOf(Received request) {
		try {
			return FakeResponse.JSON.readTree(request.body()).path("touser").asString("");
		}
		catch (RuntimeException notJson) {
			return "";
		}
	}

	/** A fault waiting for the first call it is aimed at. */
	private record Queued(Fault fault, Predicate<Received> aimedAt) {
	}

	/**
	 * Every later call of this endpoint is shown to the rule as it arrives, and answered with the fault the rule
	 * returns, or normally for null (a fault queued by {@link #failNext} goes first): random errors, an outage, or
	 * only a look at what arrives when, as the benchmarks under bench/ use it.
	 */
	public synchronized void faultRule(String path, Function<Received, Fault> rule) {
		faultRules.put(path, rule);
	}

	public synchronized List<Received> received(String path) {
		return received.stream().filter(request -> request.path().equals(path)).toList();
	}

	public synchronized List<Received> received() {
		return List.copyOf(received);
	}

	/** Every distinct access_token presented on a business call. */
	public synchronized Set<String> tokensUsed() {
		Set<String> used = new LinkedHashSet<>();
		received.stream().map(Received::accessToken).filter(token -> token != null).forEach(used::add);
		return used;
	}

	/** The client_msg_id of every template/send received, resends included, in order (§2.1). */
	public synchronized List<String> clientMsgIds() {
		return received(TEMPLATE_SEND_PATH).stream()
				.map(request -> FakeResponse.JSON.readTree(request.body()).path("client_msg_id").asString(""))
				.toList();
	}

	/** Token requests of either kind. */
	public synchronized int tokenRequests() {
		return received(TOKEN_PATH).size() + received(STABLE_TOKEN_PATH).size();
	}

	/** §1.3, §10.A.10: business endpoints check the access_token query parameter first. */
	private Function<FakeRequest, FakeResponse> business(Function<FakeRequest, FakeResponse> endpoint) {
		return request -> {
			String token = request.param("access_token");
			if (token == null || token.isEmpty()) {
				return FakeResponse.error(41001, "access_token missing");
			}
			if (!token.matches("[A-Za-z0-9_-]{20,}")) {
				return FakeResponse.error(40014, "invalid access_token");
			}
			FakeTokens.Check check = tokens.check(token);
			return switch (check) {
				case VALID -> endpoint.apply(request);
				case EXPIRED -> FakeResponse.error(check.errcode, "access_token expired");
				case INVALID -> FakeResponse.error(check.errcode,
						"invalid credential, access_token is invalid or not latest, could get access_token by getStableAccessToken");
			};
		};
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			FakeRequest request = new FakeRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
					query(exchange.getRequestURI().getRawQuery()),
					new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
					exchange.getRemoteAddress().getAddress().getHostAddress());
			Fault fault;
			synchronized (this) {
				Received arrived = new Received(request.method(), request.path(), request.query(), request.body());
				received.add(arrived);
				Fault queued = takeQueuedFault(arrived);
				Function<Received, Fault> rule = faultRules.get(request.path());
				Fault ruled = rule == null ? null : rule.apply(arrived);
				fault = queued != null ? queued : ruled;
			}
			FakeResponse response = respond(request, fault);
			if (fault instanceof Fault.Slow slow) {
				sleep(slow);
			}
			if (fault instanceof Fault.DropAnswer) {
				// closing an exchange whose headers were never sent closes the connection: no status, no body
				exchange.close();
			}
			else {
				write(exchange, response);
			}
			response.after().forEach(Runnable::run);
		}
	}

	private Fault takeQueuedFault(Received arrived) {
		Deque<Queued> queue = faults.getOrDefault(arrived.path(), new ArrayDeque<>());
		for (Iterator<Queued> waiting = queue.iterator(); waiting.hasNext();) {
			Queued queued = waiting.next();
			if (queued.aimedAt().test(arrived)) {
				waiting.remove();
				return queued.fault();
			}
		}
		return null;
	}

	private FakeResponse respond(FakeRequest request, Fault fault) {
		if (fault instanceof Fault.Errcode errcode) {
			return FakeResponse.error(errcode.errcode(), errcode.errcode() == -1 ? "system error" : "injected error");
		}
		if (fault instanceof Fault.HttpStatus status) {
			return FakeResponse.html(status.status(), "502 Bad Gateway");
		}
		Function<FakeRequest, FakeResponse> route = routes.get(request.path());
		return route == null ? FakeResponse.html(404, "Not Found") : route.apply(request);
	}

	private static void write(HttpExchange exchange, FakeResponse response) {
		try {
			exchange.getResponseHeaders().set("Content-Type", response.contentType());
			response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
			exchange.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(response.body());
			}
		}
		catch (IOException clientGaveUp) {
			// A client that timed out has closed the connection; the work is done all the same (§10.B.6).
		}
	}

	/** Latency is part of what the fake simulates; the caller's own timeout decides what it sees. */
	private static void sleep(Fault.Slow slow) {
		try {
			Thread.sleep(slow.delay().toMillis());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private static Map<String, String> query(String raw) {
		Map<String, String> query = new LinkedHashMap<>();
		if (raw == null || raw.isEmpty()) {
			return query;
		}
		for (String pair : raw.split("&")) {
			int equals = pair.indexOf('=');
			String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
			String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
			query.putIfAbsent(name, value);
		}
		return query;
	}

	@Override
	public void close() {
		server.stop(0);
		threads.shutdownNow();
	}
}
