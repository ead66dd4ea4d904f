package cn.onething.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import cn.onething.deploy.Replica;
import cn.onething.notification.internal.BindingStore;
import cn.onething.notification.internal.PushWriter;
import cn.onething.wechat.fake.FakeWechat;
import cn.onething.wechat.fake.Fault;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * How long the notification module takes to deliver its backlog after a WeChat outage: {@code count} applicants are
 * bound while every template send is answered 503 (the outage), each binding's confirmation push fails and backs
 * off; after {@code outage} seconds WeChat takes sends again, and the run counts the seconds until the fake has
 * accepted every push. One replica with the default outbox and WeChat settings, the fake WeChat on loopback.
 * Arguments: pushes (300), outage seconds (120). A benchmark: it asserts nothing.
 */
public final class OutageDrain {

	private static final String TEMPLATE = "onething-case-progress";

	private static volatile boolean outage = true;

	private OutageDrain() {
	}

	public static void main(String[] args) throws InterruptedException {
		run(args);
		// the service's threads would keep the JVM up
		System.exit(0);
	}

	/** The whole run without ending the JVM: {@link BenchmarksStartTests} starts it with tiny sizes. */
	static void run(String... args) throws InterruptedException {
		int count = args.length > 0 ? Integer.parseInt(args[0]) : 300;
		int outageSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 120;
		try (FakeWechat fake = FakeWechat.start()) {
			fake.messages().template(TEMPLATE, "character_string1", "thing2", "phrase3", "time4", "thing5");
			fake.faultRule(FakeWechat.TEMPLATE_SEND_PATH, request -> outage ? Fault.httpStatus(503) : null);
			Map<String, String> settings = Replica.onFreshDatabase();
			settings.put("onething.casework.link-secret", "outage drain");
			settings.put("onething.wechat.app-id", FakeWechat.APP_ID);
			settings.put("onething.wechat.secret", FakeWechat.SECRET);
			settings.put("onething.wechat.api-host", fake.url());
			settings.put("onething.wechat.mp-host", fake.url());
			settings.put("onething.wechat.open-host", fake.url());
			try (ConfigurableApplicationContext service = Replica.start(settings)) {
				BindingStore bindings = service.getBean(BindingStore.class);
				PushWriter writer = service.getBean(PushWriter.class);
				TransactionalOperator transaction = service.getBean(TransactionalOperator.class);
				long start = System.nanoTime();
				for (int i = 0; i < count; i++) {
					String openid = "oDRAIN" + i;
					fake.messages().follower(openid);
					Instant now = Instant.now();
					String caseId = "drain-" + i;
					transaction.transactional(bindings.bind("DRAIN" + i, openid, now)
							.flatMap(binding -> writer.confirm(binding, caseId, "新生儿出生一件事", now))).block();
				}
				say(start, count + " pushes appended while WeChat answers 503; load " + MachineLoad.now());
				// appending may outlast a short outage: then WeChat comes back at once
				Thread.sleep(Math.max(0, Duration.ofSeconds(outageSeconds).toMillis() - (System.nanoTime() - start) / 1_000_000));
				outage = false;
				long ended = System.nanoTime();
				say(start, "WeChat takes sends again; " + fake.received(FakeWechat.TEMPLATE_SEND_PATH).size() + " sends refused so far");
				while (fake.messages().deliveries().size() < count) {
					Thread.sleep(100);
				}
				long drained = System.nanoTime();
				say(start, "all delivered");
				System.out.printf("| %d pushes | outage %d s | drained %.1f s after WeChat's return | sends received %d | load %s |%n",
						count, outageSeconds, (drained - ended) / 1e9, fake.received(FakeWechat.TEMPLATE_SEND_PATH).size(),
						MachineLoad.now());
			}
		}
	}

	private static void say(long start, String what) {
		System.out.printf("t+%5.1f s  %s%n", (System.nanoTime() - start) / 1e9, what);
	}
}
