package cn.onething.identity.sso;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser as far as single sign-on cares, over real HTTP: it keeps cookies per host and path, follows redirects
 * one at a time (so a test can stop at the provider's answer and change it), and fills in the provider's sign-in
 * form with the CSRF token that form carries.
 */
final class ProviderBrowser {

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"\\s+type=\"hidden\"\\s+value=\"([^\"]+)\"|"
			+ "name=\"_csrf\"\\s+value=\"([^\"]+)\"|type=\"hidden\"\\s+name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
	private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
			.followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

	/** A GET with these headers besides, as a proxy in front of the service would add them (X-Forwarded-Port). */
	HttpResponse<String> get(URI uri, String... headerNamesAndValues) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
		return send(headerNamesAndValues.length == 0 ? request : request.headers(headerNamesAndValues));
	}

	HttpResponse<String> post(URI uri, String... namesAndValues) {
		StringBuilder form = new StringBuilder();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			form.append(form.isEmpty() ? "" : "&").append(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8))
					.append('=').append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
		}
		return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form.toString())));
	}

	/** Follows redirects from this answer until one is not a redirect, or the next would go to {@code stopAt}. */
	HttpResponse<String> follow(HttpResponse<String> response, String stopAtPath) {
		HttpResponse<String> current = response;
		while (isRedirect(current)) {
			URI next = location(current);
			if (stopAtPath != null && next.getPath().equals(stopAtPath)) {
				return current;
			}
			current = get(next);
		}
		return current;
	}

	HttpResponse<String> follow(HttpResponse<String> response) {
		return follow(response, null);
	}

	/**
	 * From the application's SSO button to the provider's answer, not yet delivered: signs in at the provider as
	 * {@code login} on the way. Returns the redirect whose location is the application's callback.
	 */
	HttpResponse<String> throughProviderSignIn(URI start, String login) {
		HttpResponse<String> atSignInForm = follow(get(start));
		assertThat(atSignInForm.statusCode()).as("the provider's sign-in form").isEqualTo(200);
		assertThat(atSignInForm.uri().getPath()).isEqualTo("/login");
		HttpResponse<String> signedIn = post(atSignInForm.uri(), "username", login, "password", LocalOidcProvider.PASSWORD,
				"_csrf", csrfToken(atSignInForm.body()));
		return follow(signedIn, "/staff/sso/callback/hall");
	}

	static URI location(HttpResponse<String> redirect) {
		return redirect.uri().resolve(redirect.headers().firstValue("Location").orElseThrow());
	}

	static boolean isRedirect(HttpResponse<String> response) {
		return response.statusCode() >= 300 && response.statusCode() < 400;
	}

	Optional<String> cookie(URI uri, String name) {
		return cookies.getCookieStore().get(uri).stream().filter(cookie -> cookie.getName().equals(name))
				.map(HttpCookie::getValue).findFirst();
	}

	List<String> cookieNames() {
		List<String> names = new ArrayList<>();
		cookies.getCookieStore().getCookies().forEach(cookie -> names.add(cookie.getName() + "@" + cookie.getPath()));
		return names;
	}

	void setCookie(URI uri, String name, String value, String path) {
		HttpCookie cookie = new HttpCookie(name, value);
		cookie.setPath(path);
		cookie.setVersion(0);
		cookies.getCookieStore().add(uri, cookie);
	}

	static String csrfToken(String page) {
		Matcher matcher = CSRF_FIELD.matcher(page);
		assertThat(matcher.find()).as("the page has a form with a CSRF token: %s", page).isTrue();
		for (int group = 1; group <= matcher.groupCount(); group++) {
			if (matcher.group(group) != null) {
				return matcher.group(group);
			}
		}
		throw new AssertionError("unreachable");
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return http.send(request.header("Accept", "text/html").timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new AssertionError("request failed: " + e, e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError("interrupted", e);
		}
	}
}
