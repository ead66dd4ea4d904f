package cn.onething.village;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code onething.village.*}: the template message a follower's push uses (模板消息, added to the official account
 * with the keys thing1 村（社区）, thing2 公开内容, time3 发布时间, thing4 备注; any text in dev mode) and where
 * pushed links point.
 */
@ConfigurationProperties("onething.village")
public record VillageProperties(
		@DefaultValue("onething-village-disclosure") String templateId,
		@DefaultValue("http://localhost:8080") String publicBaseUrl) {

	public VillageProperties {
		if (templateId == null || templateId.isBlank()) {
			throw new IllegalArgumentException("onething.village.template-id must name the template message of village pushes");
		}
		if (publicBaseUrl.endsWith("/")) {
			publicBaseUrl = publicBaseUrl.substring(0, publicBaseUrl.length() - 1);
		}
	}
}
