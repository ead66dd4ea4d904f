package cn.onething.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.concurrent.locks.LockSupport;

import cn.onething.wechat.TemplatePush;
import cn.onething.wechat.fake.FakeWechat;
import cn.onething.wechat.fake.Fault;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fake WeChat as the delivery benchmarks use it: real HTTP on loopback, one follower and one template, faults
 * chosen by a rule the benchmark sets, and the moment each push (by its reference in the template data) first
 * arrived. The pushes themselves look like the service's progress messages.
 */
final class BenchWechat implements AutoCloseable {

	static final String OPENID = "oBench00000000000000000001";
	static final String TEMPLATE = "TPL-bench-progress";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	final FakeWechat fake = FakeWechat.start();
	private final Map<String, Long> firstArrival = new ConcurrentHashMap<>();
	private volatile Function<FakeWechat.Received, Fault> faults = request -> null;

	BenchWechat() {
		fake.messages().follower(OPENID);
		fake.messages().template(TEMPLATE, "thing1", "character_string2", "time3", "phrase4");
		fake.faultRule(FakeWechat.TEMPLATE_SEND_PATH, this::arrived);
	}

	/** The service's onething.wechat.* for the fake at this address. */
	static Map<String, Object> serviceSettings(String fakeUrl) {
		Map<String, Object> settings = new HashMap<>();
		settings.put("onething.wechat.app-id", FakeWechat.APP_ID);
		settings.put("onething.wechat.secret", FakeWechat.SECRET);
		settings.put("onething.wechat.api-host", fakeUrl);
		settings.put("onething.wechat.mp-host", fakeUrl);
		settings.put("onething.wechat.open-host", fakeUrl);
		return settings;
	}

	Map<String, Object> serviceSettings() {
		return serviceSettings(fake.url());
	}

	/** A progress message for the bench follower; {@code ref} goes where a receipt code would. */
	static TemplatePush push(String ref, String clientMsgId) {
		return new TemplatePush(OPENID, TEMPLATE, "https://zwfw.example.cn/cases/" + ref,
				Map.of("thing1", "出生登记（落户）", "character_string2", ref, "time3", "2026年1月5日 09:30", "phrase4", "已受理"),
				clientMsgId);
	}

	/** From now on every template send is shown to this rule, which may answer it with a fault. */
	void faults(Function<FakeWechat.Received, Fault> rule) {
		this.faults = rule;
	}

	/** System.nanoTime when the push with this reference first arrived, or null. */
	Long arrivedAt(String ref) {
		return firstArrival.get(ref);
	}

	int arrivals() {
		return firstArrival.size();
	}

	void forgetArrivals() {
		firstArrival.clear();
	}

	/** Waits until this many distinct pushes have arrived; returns when the last of them did. */
	long awaitArrivals(int count, Duration patience) {
		long deadline = System.nanoTime() + patience.toNanos();
		while (firstArrival.size() < count) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(firstArrival.size() + " of " + count + " pushes arrived within " + patience);
			}
			LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
		}
		return firstArrival.values().stream().mapToLong(Long::longValue).max().orElseThrow();
	}

	private Fault arrived(FakeWechat.Received request) {
		long now = System.nanoTime();
		String ref = JSON.readTree(request.body()).path("data").path("character_string2").path("value").asString("");
		firstArrival.putIfAbsent(ref, now);
		return faults.apply(request);
	}

	@Override
	public void close() {
		fake.close();
	}
}
