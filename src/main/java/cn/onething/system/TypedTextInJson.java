package cn.onething.system;

import cn.onething.shared.TypedText;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * JSON request bodies refuse, at the field that holds it, a string {@link TypedText} refuses, so a NUL byte in a
 * user name or a reason is a 400 naming that field rather than a 500 from PostgreSQL. Only the server's decoder is
 * changed: JSON the service stored itself, and WeChat's answers, are read as they are.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
class TypedTextInJson implements WebFluxConfigurer {

	private final JsonMapper requests;

	TypedTextInJson(JsonMapper json) {
		this.requests = json.rebuild()
				.addModule(new SimpleModule("typed-text").addDeserializer(String.class, new TypedStrings()))
				.build();
	}

	@Override
	public void configureHttpMessageCodecs(ServerCodecConfigurer configurer) {
		configurer.defaultCodecs().jacksonJsonDecoder(new JacksonJsonDecoder(requests));
	}

	private static final class TypedStrings extends StringDeserializer {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
			String text = super.deserialize(parser, context);
			if (text != null && !TypedText.isClean(text)) {
				return (String) context.handleWeirdStringValue(String.class, text, TypedText.REASON);
			}
			return text;
		}
	}
}
