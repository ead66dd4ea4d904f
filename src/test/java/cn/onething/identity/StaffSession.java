package cn.onething.identity;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser as far as the staff console cares: it keeps cookies (the session and the CSRF token) and posts forms with
 * the token the page rendered into them, the way a person's browser does.
 */
public final class StaffSession {

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final WebTestClient web;
	private final Map<String, String> cookies = new LinkedHashMap<>();
	private final HttpHeaders headers = new HttpHeaders();

	public StaffSession(WebTestClient web) {
		this.web = web;
	}

	/** Signs in through the sign-in page and checks that it worked. */
	public static StaffSession signedIn(WebTestClient web, String username, String password) {
		StaffSession session = new StaffSession(web);
		EntityExchangeResult<String> result = session.submit("/staff/login", "/staff/login",
				form("username", username, "password", password));
		assertThat(result.getStatus().is3xxRedirection()).as("sign-in of %s", username).isTrue();
		assertThat(result.getResponseHeaders().getLocation()).as("sign-in of %s", username).hasPath("/staff");
		return session;
	}

	/** Sends this header with every request from now on, as a proxy in front of the browser would (X-Forwarded-For). */
	public StaffSession header(String name, String value) {
		headers.set(name, value);
		return this;
	}

	public static MultiValueMap<String, String> form(String... namesAndValues) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			form.add(namesAndValues[i], namesAndValues[i + 1]);
		}
		return form;
	}

	public EntityExchangeResult<String> get(String path) {
		return remember(web.get().uri(path).accept(MediaType.TEXT_HTML)
				.cookies(jar -> cookies.forEach(jar::add)).headers(sent -> sent.addAll(headers))
				.exchange().expectBody(String.class).returnResult());
	}

	/** A page that must answer 200. */
	public String page(String path) {
		EntityExchangeResult<String> result = get(path);
		assertThat(result.getStatus()).as("GET %s", path).isEqualTo(HttpStatus.OK);
		return result.getResponseBody();
	}

	/** Opens the page holding the form, then posts the form with the CSRF token rendered into that page. */
	public EntityExchangeResult<String> submit(String pageWithForm, String action, MultiValueMap<String, String> fields) {
		MultiValueMap<String, String> withToken = new LinkedMultiValueMap<>(fields);
		withToken.add("_csrf", csrfToken(page(pageWithForm)));
		return post(action, withToken);
	}

	/** Posts exactly these fields: no CSRF token unless given. */
	public EntityExchangeResult<String> post(String action, MultiValueMap<String, String> fields) {
		return remember(web.post().uri(action).accept(MediaType.TEXT_HTML).contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.cookies(jar -> cookies.forEach(jar::add)).headers(sent -> sent.addAll(headers))
				.body(BodyInserters.fromFormData(fields))
				.exchange().expectBody(String.class).returnResult());
	}

	/** Posts files as a multipart form, with the CSRF token of the page holding the form. */
	public EntityExchangeResult<String> upload(String pageWithForm, String action, MultipartBodyBuilder parts) {
		parts.part("_csrf", csrfToken(page(pageWithForm)));
		return remember(web.post().uri(action).accept(MediaType.TEXT_HTML)
				.cookies(jar -> cookies.forEach(jar::add)).headers(sent -> sent.addAll(headers))
				.body(BodyInserters.fromMultipartData(parts.build()))
				.exchange().expectBody(String.class).returnResult());
	}

	/** Follows a redirect answer to the page it names. */
	public String follow(EntityExchangeResult<String> redirect) {
		assertThat(redirect.getStatus().is3xxRedirection()).as("redirect, was %s: %s", redirect.getStatus(),
				redirect.getResponseBody()).isTrue();
		URI location = redirect.getResponseHeaders().getLocation();
		return page(location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery()));
	}

	public Map<String, String> cookies() {
		return cookies;
	}

	public static String csrfToken(String page) {
		Matcher matcher = CSRF_FIELD.matcher(page);
		assertThat(matcher.find()).as("the page has a form with a CSRF token").isTrue();
		return matcher.group(1);
	}

	private EntityExchangeResult<String> remember(EntityExchangeResult<String> result) {
		// in the order sent, as a browser applies them: a deletion followed by a new value keeps the new value
		for (ResponseCookie cookie : result.getResponseCookies().values().stream().flatMap(java.util.List::stream).toList()) {
			if (cookie.getMaxAge().isZero()) {
				cookies.remove(cookie.getName());
			}
			else {
				cookies.put(cookie.getName(), cookie.getValue());
			}
		}
		return result;
	}
}
