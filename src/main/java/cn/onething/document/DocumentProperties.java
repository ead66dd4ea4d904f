package cn.onething.document;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code onething.documents.*}, checked at start-up with a message that names the property.
 *
 * @param wechatCodeWait how long printing a receipt waits for the case's WeChat binding code, which WeChat makes the
 *                       first time; after that the receipt is printed without it, so a slow WeChat never holds up the
 *                       window
 */
@ConfigurationProperties("onething.documents")
public record DocumentProperties(@DefaultValue("3s") Duration wechatCodeWait) {

	public DocumentProperties {
		if (wechatCodeWait == null || wechatCodeWait.isNegative() || wechatCodeWait.isZero()) {
			throw new IllegalArgumentException("onething.documents.wechat-code-wait must be positive, was " + wechatCodeWait);
		}
	}
}
