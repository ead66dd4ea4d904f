package cn.onething.system;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * What the start-up check and Flyway need from spring.r2dbc.url ({@code r2dbc:postgresql://host:5432/database?x=y},
 * optionally {@code r2dbc:pool:}, {@code user:password@} and several {@code host:port} separated by commas).
 * {@link #parse} rejects a URL that the R2DBC driver or Flyway would only choke on later, with one line that names
 * SPRING_R2DBC_URL; the password of a URL with credentials never appears in a message.
 *
 * @param hosts    {@code host:port} of each server, the port filled in (5432) when the URL had none
 * @param database the database name, or empty for the server's default (the user's name)
 * @param query    the options after {@code ?}, or empty
 * @param user     the user name from the URL's {@code user:password@}, or null
 * @param password the password from the URL's {@code user:password@}, or null
 */
record DatabaseUrl(List<String> hosts, String database, String query, String user, String password) {

	static final String SETTING = "SPRING_R2DBC_URL";
	static final String PROPERTY = "spring.r2dbc.url";
	static final String EXAMPLE = "r2dbc:postgresql://host:5432/database";

	private static final Pattern PREFIX = Pattern.compile("^r2dbc:(pool:)?postgresql://");
	private static final Pattern UNEXPANDED = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");
	private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+\\]");

	static DatabaseUrl parse(String url) {
		if (url == null || url.isBlank()) {
			throw rejected(url, "is empty; leave it unset for the embedded PostgreSQL, or set " + EXAMPLE);
		}
		Matcher unexpanded = UNEXPANDED.matcher(url);
		if (unexpanded.find()) {
			// Kubernetes leaves $(NAME) as it is when NAME is not defined earlier in the container's env list
			throw rejected(url, "contains $(" + unexpanded.group(1) + "), a Kubernetes variable that was not expanded: "
					+ "define " + unexpanded.group(1) + " above SPRING_R2DBC_URL in the container's env");
		}
		Matcher prefix = PREFIX.matcher(url);
		if (!prefix.find()) {
			throw rejected(url, "must start with r2dbc:postgresql:// (like " + EXAMPLE + "), was " + masked(url));
		}
		String rest = url.substring(prefix.end());
		String query = "";
		int question = rest.indexOf('?');
		if (question >= 0) {
			query = rest.substring(question + 1);
			rest = rest.substring(0, question);
		}
		String database = "";
		int slash = rest.indexOf('/');
		if (slash >= 0) {
			database = rest.substring(slash + 1);
			rest = rest.substring(0, slash);
		}
		if (database.contains("/")) {
			throw rejected(url, "has a path after the database name: " + masked(url) + " (expected " + EXAMPLE + ")");
		}
		String user = null;
		String password = null;
		int at = rest.lastIndexOf('@');
		if (at >= 0) {
			String userInfo = rest.substring(0, at);
			rest = rest.substring(at + 1);
			int colon = userInfo.indexOf(':');
			user = colon >= 0 ? userInfo.substring(0, colon) : userInfo;
			password = colon >= 0 ? userInfo.substring(colon + 1) : null;
		}
		if (rest.isEmpty()) {
			throw rejected(url, "names no host: " + masked(url) + " (expected " + EXAMPLE + ")");
		}
		List<String> hosts = new ArrayList<>();
		for (String hostAndPort : rest.split(",", -1)) {
			hosts.add(hostAndPort(url, hostAndPort));
		}
		return new DatabaseUrl(List.copyOf(hosts), database, query, user, password);
	}

	private static String hostAndPort(String url, String hostAndPort) {
		String host = hostAndPort;
		String port = "5432";
		int colon = hostAndPort.lastIndexOf(':');
		if (colon >= 0 && colon > hostAndPort.lastIndexOf(']')) {
			host = hostAndPort.substring(0, colon);
			port = hostAndPort.substring(colon + 1);
		}
		if (host.isEmpty() || !HOST.matcher(host).matches()) {
			throw rejected(url, "has '" + host + "' where a host name belongs: " + masked(url) + " (expected " + EXAMPLE + ")");
		}
		if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
			throw rejected(url, "has '" + port + "' where a port number (1-65535) belongs: " + masked(url));
		}
		return host + ":" + port;
	}

	/** The servers as a message names them: {@code db:5432}, or {@code a:5432,b:5432}. */
	String servers() {
		return String.join(",", hosts);
	}

	/** The same server and options for pgjdbc, which takes credentials apart from the URL. */
	String jdbcUrl() {
		return "jdbc:postgresql://" + servers() + "/" + database + (query.isEmpty() ? "" : "?" + query);
	}

	/** The URL with its password, if it has one, replaced by stars: safe for logs and messages. */
	static String masked(String url) {
		return url == null ? null : url.replaceFirst("(//[^/@:]*:)[^/@]*@", "$1******@");
	}

	static InvalidConfigurationPropertyValueException rejected(String url, String reason) {
		// Spring Boot's failure report prints the value it finds under the property's name, the password with it:
		// a URL that carries one is reported under a name no property source has, so the masked value is shown.
		String property = url != null && !url.equals(masked(url)) ? PROPERTY + " (password hidden)" : PROPERTY;
		return new InvalidConfigurationPropertyValueException(property, masked(url), SETTING + ": " + reason);
	}
}
