package cn.onething.casework.web;

import cn.onething.casework.CaseworkProperties;
import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.codec.multipart.MultipartHttpMessageReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the upload limits of {@code onething.casework.*} are put to work, for the applicant's form, the API, the
 * correction upload and window intake alike: the gate in front of every multipart request and the reader of its
 * parts.
 */
@Configuration(proxyBeanMethods = false)
class UploadLimits {

	@Bean
	UploadGate uploadGate(CaseworkProperties limits, JsonMapper json) {
		return new UploadGate(limits, json);
	}

	@Bean
	CodecCustomizer limitedMultipartReader(CaseworkProperties limits) {
		return codecs -> codecs.defaultCodecs().multipartReader(new MultipartHttpMessageReader(new LimitedPartReader(limits)));
	}
}
