package cn.onething.casework.web;

import cn.onething.casework.CaseworkProperties;
import cn.onething.casework.Glossary;
import cn.onething.casework.internal.MaterialFiles;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;

/**
 * What every page may read besides its own model: the applicant glossary ({@code words}, with whether the page is
 * shown inside WeChat) and the upload rules the server enforces ({@code uploadRules}), which the upload forms
 * publish as data attributes for the phone's own checks, so the browser never holds a second copy of the numbers.
 */
@ControllerAdvice(annotations = Controller.class)
class ApplicantPageWords {

	private final UploadRules uploadRules;

	ApplicantPageWords(CaseworkProperties properties) {
		this.uploadRules = new UploadRules(properties.maxUploadSize().toBytes(),
				MaterialFiles.inWords(properties.maxUploadSize()), properties.maxUploadRequestSize().toBytes(),
				MaterialFiles.ACCEPT, MaterialFiles.tooLarge(properties.maxUploadSize()), MaterialFiles.notAccepted("{name}"),
				UploadRefused.requestTooLarge(properties.maxUploadRequestSize()).message());
	}

	@ModelAttribute("words")
	Glossary.Page words(ServerWebExchange exchange) {
		return new Glossary.Page(Glossary.inWechat(exchange.getRequest().getHeaders().getFirst(HttpHeaders.USER_AGENT)));
	}

	@ModelAttribute("uploadRules")
	UploadRules uploadRules() {
		return uploadRules;
	}

	/**
	 * @param maxFileSize   {@code maxFileBytes} as people read it (10 MB)
	 * @param tooLarge      what a file over {@code maxFileBytes} is told
	 * @param notAccepted   what a file of another type is told, {@code {name}} standing for its name
	 * @param tooMuch       what a form whose files pass {@code maxRequestBytes} together is told
	 */
	public record UploadRules(long maxFileBytes, String maxFileSize, long maxRequestBytes, String accept, String tooLarge, String notAccepted,
			String tooMuch) {
	}
}
