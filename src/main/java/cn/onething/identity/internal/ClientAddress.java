package cn.onething.identity.internal;

import java.net.InetSocketAddress;

import org.springframework.web.server.ServerWebExchange;

/**
 * The address a request came from, as the server sees it. X-Forwarded-For is believed only where the operator
 * says a trusted proxy sets it (server.forward-headers-strategy=native, as in k8s/, where the ingress controller
 * is the only way in); otherwise the header is the client's own say and is ignored, and this is the peer address.
 */
public final class ClientAddress {

	private ClientAddress() {
	}

	public static String of(ServerWebExchange exchange) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		if (remote == null) {
			return "unknown";
		}
		return remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
	}
}
