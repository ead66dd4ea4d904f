package cn.onething.wechat.internal;

import java.io.IOException;
import java.io.UncheckedIOException;

import me.chanjar.weixin.common.util.http.apache.ApacheHttpClientBuilder;
import org.apache.http.client.HttpRequestRetryHandler;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.conn.ConnectionKeepAliveStrategy;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;

/**
 * The HTTP client WxJava uses for this account. WxJava's default builder is a JVM-wide singleton whose timeouts are
 * fixed by whoever builds it first (docs/wechat.md §7.3); this one belongs to one gateway, takes its timeouts from
 * {@link WechatProperties}, opens as many connections as the gateway has threads, and never repeats a request by
 * itself: the outbox owns retries (docs/architecture.md §6), and a repeated POST could send a message twice.
 */
final class WechatHttpClient implements ApacheHttpClientBuilder, AutoCloseable {

	private final CloseableHttpClient client;

	WechatHttpClient(WechatProperties properties) {
		int timeout = Math.toIntExact(properties.readTimeout().toMillis());
		this.client = HttpClients.custom()
				.setDefaultRequestConfig(RequestConfig.custom()
						.setConnectTimeout(Math.toIntExact(properties.connectTimeout().toMillis()))
						.setSocketTimeout(timeout)
						.setConnectionRequestTimeout(timeout)
						.build())
				.setMaxConnPerRoute(properties.concurrency())
				.setMaxConnTotal(properties.concurrency())
				.disableAutomaticRetries()
				// An operator who must go through a forward proxy sets the JVM's https.proxyHost/https.proxyPort;
				// a reverse proxy goes into onething.wechat.api-host instead (§7.1).
				.useSystemProperties()
				.build();
	}

	@Override
	public CloseableHttpClient build() {
		return client;
	}

	// WxJava hands over the proxy fields of its config storage, which we leave empty; the JVM's proxy settings apply.

	@Override
	public ApacheHttpClientBuilder httpProxyHost(String httpProxyHost) {
		return this;
	}

	@Override
	public ApacheHttpClientBuilder httpProxyPort(int httpProxyPort) {
		return this;
	}

	@Override
	public ApacheHttpClientBuilder httpProxyUsername(String httpProxyUsername) {
		return this;
	}

	@Override
	public ApacheHttpClientBuilder httpProxyPassword(String httpProxyPassword) {
		return this;
	}

	// WxJava never calls the remaining setters; the client above is complete.

	@Override
	public ApacheHttpClientBuilder httpRequestRetryHandler(HttpRequestRetryHandler handler) {
		throw new UnsupportedOperationException("retries are the outbox's");
	}

	@Override
	public ApacheHttpClientBuilder keepAliveStrategy(ConnectionKeepAliveStrategy keepAliveStrategy) {
		throw new UnsupportedOperationException();
	}

	@Override
	public ApacheHttpClientBuilder sslConnectionSocketFactory(SSLConnectionSocketFactory factory) {
		throw new UnsupportedOperationException();
	}

	@Override
	public ApacheHttpClientBuilder supportedProtocols(String[] supportedProtocols) {
		throw new UnsupportedOperationException();
	}

	@Override
	public void close() {
		try {
			client.close();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
