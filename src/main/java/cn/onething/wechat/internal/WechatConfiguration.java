package cn.onething.wechat.internal;

import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Chooses the gateway: WeChat when an account is configured, the dev inbox otherwise (docs/architecture.md §6). */
@Configuration(proxyBeanMethods = false)
class WechatConfiguration {

	private static final Logger log = LoggerFactory.getLogger(WechatConfiguration.class);

	/** WxJava's package; its loggers print request URLs. */
	static final String WXJAVA_LOGGER = "me.chanjar.weixin";

	@Bean
	SendHealth wechatSendHealth(WechatEvents events, Optional<Clock> clock) {
		return new SendHealth(events::sendsRecovered, clock.orElse(Clock.systemUTC()));
	}

	@Bean
	Gateway wechatGateway(WechatProperties properties, DevInbox inbox, Environment environment) {
		if (properties.devMode()) {
			log.warn("WeChat dev mode: onething.wechat.app-id is not set, pushes go to {}/dev/wechat/inbox",
					properties.publicBaseUrl());
			return new DevGateway(inbox, properties);
		}
		keepTokensOutOfLogs(environment);
		if (!properties.callbackEnabled()) {
			log.warn("onething.wechat.token is not set: /wechat/callback is off, so QR binding and delivery reports "
					+ "will not arrive");
		}
		WxJavaGateway gateway = new WxJavaGateway(properties);
		gateway.checkCredentials();
		return gateway;
	}

	/**
	 * WxJava logs the full request URL, access_token included, at WARN on every failed call and at DEBUG on every
	 * call (docs/wechat.md §7.6, §10.B.22). Its failures reach our logs as SendResults instead, so its own logger is
	 * set to ERROR, unless an operator configured it on purpose.
	 */
	private static void keepTokensOutOfLogs(Environment environment) {
		if (!environment.containsProperty("logging.level." + WXJAVA_LOGGER)) {
			LoggingSystem.get(WechatConfiguration.class.getClassLoader()).setLogLevel(WXJAVA_LOGGER, LogLevel.ERROR);
		}
	}
}
