package cn.onething.wechat.internal;

import java.time.Duration;
import java.util.Base64;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code onething.wechat.*}. Without an app id and secret the module runs in dev mode: pushes land in the dev inbox and
 * bindings are simulated on dev pages (docs/architecture.md §6). Every value is checked here, at start-up, with a
 * message that names the property.
 *
 * @param appId           the official account's AppID; blank means dev mode
 * @param secret          its AppSecret; required with the app id
 * @param token           the callback Token of the account's server configuration; without it the callback
 *                        endpoint answers 404
 * @param aesKey          the 43-character EncodingAESKey, needed for safe and compatible mode (docs/wechat.md §6.3)
 * @param previousAesKey  the key before the last rotation, still tried while WeChat switches over (§6.3)
 * @param apiHost         base of the JSON API, no trailing slash; a proxy or the test fake go here (§7.1)
 * @param mpHost          base of showqrcode
 * @param openHost        base of the OAuth authorize page
 * @param publicBaseUrl   where WeChat and browsers reach this service (OAuth redirect, dev QR codes)
 * @param connectTimeout  to WeChat
 * @param readTimeout     of one WeChat call; a timeout is a temporary failure with an unknown outcome (§10.B.6)
 * @param concurrency     WeChat calls running at once, each on its own thread because WxJava blocks (§7.5)
 * @param queueCapacity   calls waiting for a thread; beyond it a send fails as temporary at once
 * @param qrExpiry        lifetime of a binding QR code, at most 30 days (§4.1)
 * @param replayWindow    how old a signed callback may be before it is refused as a replay
 * @param maxCallbackSize largest callback body accepted; WeChat's pushes are a few kilobytes
 */
@ConfigurationProperties("onething.wechat")
public record WechatProperties(
		String appId,
		String secret,
		String token,
		String aesKey,
		String previousAesKey,
		@DefaultValue("https://api.weixin.qq.com") String apiHost,
		@DefaultValue("https://mp.weixin.qq.com") String mpHost,
		@DefaultValue("https://open.weixin.qq.com") String openHost,
		@DefaultValue("http://localhost:8080") String publicBaseUrl,
		@DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("5s") Duration readTimeout,
		@DefaultValue("8") int concurrency,
		@DefaultValue("1000") int queueCapacity,
		@DefaultValue("7d") Duration qrExpiry,
		@DefaultValue("5m") Duration replayWindow,
		@DefaultValue("64KB") DataSize maxCallbackSize) {

	/** §4.1: a temporary QR code lives at most 2,592,000 seconds. */
	static final Duration LONGEST_QR_EXPIRY = Duration.ofDays(30);

	public WechatProperties {
		appId = blankToNull(appId);
		secret = blankToNull(secret);
		token = blankToNull(token);
		aesKey = blankToNull(aesKey);
		previousAesKey = blankToNull(previousAesKey);
		if ((appId == null) != (secret == null)) {
			throw new IllegalArgumentException("onething.wechat.app-id and onething.wechat.secret must be set together "
					+ "(both unset runs the dev inbox instead of WeChat)");
		}
		checkAesKey("onething.wechat.aes-key", aesKey);
		checkAesKey("onething.wechat.previous-aes-key", previousAesKey);
		if (previousAesKey != null && aesKey == null) {
			throw new IllegalArgumentException("onething.wechat.previous-aes-key needs onething.wechat.aes-key");
		}
		if (aesKey != null && appId == null) {
			// §6.3: the encrypted payload ends with the app id, so safe mode needs the account.
			throw new IllegalArgumentException("onething.wechat.aes-key needs onething.wechat.app-id");
		}
		apiHost = host("onething.wechat.api-host", apiHost);
		mpHost = host("onething.wechat.mp-host", mpHost);
		openHost = host("onething.wechat.open-host", openHost);
		publicBaseUrl = host("onething.wechat.public-base-url", publicBaseUrl);
		positive("onething.wechat.connect-timeout", connectTimeout);
		positive("onething.wechat.read-timeout", readTimeout);
		positive("onething.wechat.replay-window", replayWindow);
		positive("onething.wechat.qr-expiry", qrExpiry);
		if (qrExpiry.compareTo(LONGEST_QR_EXPIRY) > 0) {
			throw new IllegalArgumentException("onething.wechat.qr-expiry must be at most 30d (WeChat's limit), was " + qrExpiry);
		}
		if (concurrency < 1 || queueCapacity < 1) {
			throw new IllegalArgumentException("onething.wechat.concurrency and onething.wechat.queue-capacity must be at least 1");
		}
		if (maxCallbackSize.toBytes() < 1024 || maxCallbackSize.toBytes() > 1024 * 1024) {
			throw new IllegalArgumentException("onething.wechat.max-callback-size must be between 1KB and 1MB, was " + maxCallbackSize);
		}
	}

	/** No account configured: pushes go to the dev inbox, bindings are simulated (docs/architecture.md §6). */
	public boolean devMode() {
		return appId == null;
	}

	/** The callback endpoint needs the Token to tell WeChat's pushes from anyone else's. */
	public boolean callbackEnabled() {
		return token != null;
	}

	private static void checkAesKey(String property, String key) {
		if (key == null) {
			return;
		}
		// §6.3: 43 characters [A-Za-z0-9]; Base64(key + "=") gives the 32-byte AES-256 key.
		if (!key.matches("[A-Za-z0-9]{43}") || Base64.getDecoder().decode(key + "=").length != 32) {
			throw new IllegalArgumentException(property + " must be the 43-character EncodingAESKey (letters and digits), "
					+ "was " + key.length() + " characters");
		}
	}

	private static String host(String property, String value) {
		String trimmed = value.strip();
		// §7.1: WxMpHostConfig puts the path right after the host, so a trailing slash would give "//cgi-bin".
		while (trimmed.endsWith("/")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		if (!trimmed.matches("https?://[^/\\s]+(/\\S*)?")) {
			throw new IllegalArgumentException(property + " must be an http:// or https:// address, was " + value);
		}
		return trimmed;
	}

	private static void positive(String property, Duration value) {
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(property + " must be positive, was " + value);
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
