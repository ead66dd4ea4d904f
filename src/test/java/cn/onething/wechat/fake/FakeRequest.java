package cn.onething.wechat.fake;

import java.util.Map;

/** One HTTP request the fake received. Query values are decoded. */
record FakeRequest(String method, String path, Map<String, String> query, String body, String remoteIp) {

	String param(String name) {
		return query.get(name);
	}
}
