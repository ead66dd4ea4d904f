package cn.onething.bench;

import java.util.concurrent.CountDownLatch;

/**
 * One replica of the service for the fault run, in a JVM of its own: the real application context with the bench
 * push handler and the outbox at its default settings, against the given database and fake WeChat. It prints
 * {@value #READY} once started and runs until it is killed.
 * Arguments: R2DBC URL, user, password, the fake WeChat's address.
 */
public final class DeliveryInstance {

	static final String READY = "READY";

	private DeliveryInstance() {
	}

	public static void main(String[] args) throws InterruptedException {
		BenchService.start(new BenchDatabase(args[0], args[1], args[2]), false, BenchWechat.serviceSettings(args[3]),
				BenchPushHandler.class);
		System.out.println(READY);
		new CountDownLatch(1).await();
	}
}
