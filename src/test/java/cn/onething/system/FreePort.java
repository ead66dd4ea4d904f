package cn.onething.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * A port chosen before a server starts, for tests whose public address (links, QR codes, OAuth redirects) must be
 * the test server's own rather than the production default.
 */
public final class FreePort {

	private FreePort() {
	}

	public static int pick() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
