package cn.onething.wechat.fake;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** Stands in for the service when the fake's own callback driver is under test: records pushes, answers as told. */
final class CallbackReceiver implements AutoCloseable {

	/** A request as received, query undecoded. */
	record Push(String method, String query, String body) {
	}

	private final HttpServer server;
	private final List<Push> pushes = new ArrayList<>();
	private volatile Function<Push, String> answer = push -> "success";

	CallbackReceiver() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.setExecutor(Executors.newCachedThreadPool());
		server.createContext("/", this::handle);
		server.start();
	}

	URI uri() {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/wechat/callback");
	}

	/** How to answer each push; may sleep to simulate a slow service. */
	void answer(Function<Push, String> answer) {
		this.answer = answer;
	}

	synchronized List<Push> pushes() {
		return List.copyOf(pushes);
	}

	/**
	 * The pushes once there are {@code count} of them, or after 10 s: the fake reports a send's outcome just after
	 * answering the send, as WeChat does, so it may still be on its way when the sender reads the answer.
	 */
	synchronized List<Push> pushes(int count) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (pushes.size() < count && System.nanoTime() < deadline) {
			wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
		}
		return List.copyOf(pushes);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			Push push = new Push(exchange.getRequestMethod(), exchange.getRequestURI().getRawQuery(),
					new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			synchronized (this) {
				pushes.add(push);
				notifyAll();
			}
			byte[] body = answer.apply(push).getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
		catch (IOException fakeGaveUp) {
			// the fake stopped waiting; it will send again
		}
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
