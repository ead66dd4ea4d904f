package cn.onething.rating.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a rating was given, as national platforms tell channels apart: 网上 (a computer's browser, or another system
 * through the API), 移动端 (a phone, WeChat's browser included) and 现场 (a rating device at the window, which may send
 * its ratings through the API).
 */
public enum Channel {

	ONLINE("网上"), MOBILE("移动端"), ONSITE("现场");

	private final String label;

	Channel(String label) {
		this.label = label;
	}

	/** As stored and exchanged: {@code online}, {@code mobile}, {@code onsite}. */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public String label() {
		return label;
	}

	public static Optional<Channel> ofCode(String code) {
		return Arrays.stream(values()).filter(channel -> channel.code().equals(code)).findFirst();
	}

	/** A page's channel by the browser that asked: phones and WeChat say so in their user agent. */
	public static Channel ofUserAgent(String userAgent) {
		return userAgent != null && (userAgent.contains("MicroMessenger") || userAgent.contains("Mobile")) ? MOBILE : ONLINE;
	}
}
