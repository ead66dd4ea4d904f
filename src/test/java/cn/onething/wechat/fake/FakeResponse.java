package cn.onething.wechat.fake;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

/** What the fake answers, and what it does once the answer is sent (WeChat's events come after the response). */
record FakeResponse(int status, String contentType, byte[] body, Map<String, String> headers, List<Runnable> after) {

	static final JsonMapper JSON = JsonMapper.builder().build();

	/** docs/wechat.md §0.1: observed on WeChat's responses. */
	private static final String JSON_TYPE = "application/json; encoding=utf-8";

	static FakeResponse json(Map<String, Object> payload) {
		return new FakeResponse(200, JSON_TYPE, JSON.writeValueAsString(payload).getBytes(StandardCharsets.UTF_8),
				Map.of(), new ArrayList<>());
	}

	/** §0.1: business errors are HTTP 200; errmsg ends with a request id, so clients must branch on errcode. */
	static FakeResponse error(int errcode, String errmsg) {
		return error(errcode, errmsg, Map.of());
	}

	/** An error that carries more, as 45065 carries the msgid of the first send. */
	static FakeResponse error(int errcode, String errmsg, Map<String, Object> more) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("errcode", errcode);
		payload.put("errmsg", errmsg + " rid: " + UUID.randomUUID().toString().substring(0, 23));
		payload.putAll(more);
		return json(payload);
	}

	/** Success of template/send, bizsend and qrcode/create carries errcode 0 and "ok" (§10.A.1). */
	static FakeResponse ok(Map<String, Object> payload) {
		Map<String, Object> full = new LinkedHashMap<>();
		full.put("errcode", 0);
		full.put("errmsg", "ok");
		full.putAll(payload);
		return json(full);
	}

	static FakeResponse html(int status, String text) {
		return new FakeResponse(status, "text/html; charset=utf-8",
				("<html><body><h1>" + text + "</h1></body></html>").getBytes(StandardCharsets.UTF_8), Map.of(), new ArrayList<>());
	}

	static FakeResponse redirect(String location) {
		return new FakeResponse(302, "text/plain", new byte[0], Map.of("Location", location), new ArrayList<>());
	}

	static FakeResponse bytes(String contentType, byte[] body) {
		return new FakeResponse(200, contentType, body, Map.of("Cache-control", "max-age=604800"), new ArrayList<>());
	}

	FakeResponse then(Runnable action) {
		after.add(action);
		return this;
	}
}
