package cn.onething.wechat.internal;

import java.time.Duration;

import cn.onething.wechat.fake.FakeWechat;
import org.springframework.util.unit.DataSize;

/** Configurations for tests: the fake WeChat's account, or dev mode. */
public final class WechatFixture {

	private WechatFixture() {
	}

	/** The fake's account on every host; a 1 s read timeout so timeouts are quick to provoke. */
	public static WechatProperties against(FakeWechat fake) {
		return new WechatProperties(FakeWechat.APP_ID, FakeWechat.SECRET, FakeWechat.TOKEN, FakeWechat.AES_KEY, null,
				fake.url(), fake.url(), fake.url(), "http://localhost:8080", Duration.ofSeconds(1), Duration.ofSeconds(1),
				8, 100, Duration.ofDays(7), Duration.ofMinutes(5), DataSize.ofKilobytes(64));
	}

	public static WechatProperties withAesKey(String aesKey) {
		return withAesKeys(aesKey, null);
	}

	/** The current EncodingAESKey and the one before a rotation. */
	public static WechatProperties withAesKeys(String aesKey, String previousAesKey) {
		return new WechatProperties(FakeWechat.APP_ID, FakeWechat.SECRET, FakeWechat.TOKEN, aesKey, previousAesKey,
				"https://api.weixin.qq.com", "https://mp.weixin.qq.com", "https://open.weixin.qq.com", "http://localhost:8080",
				Duration.ofSeconds(5), Duration.ofSeconds(5), 8, 100, Duration.ofDays(7), Duration.ofMinutes(5),
				DataSize.ofKilobytes(64));
	}
}
