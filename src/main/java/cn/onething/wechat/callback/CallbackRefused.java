package cn.onething.wechat.callback;

import org.springframework.http.HttpStatus;

/**
 * A callback we do not act on. The sender gets only the status with an empty body: a forger learns nothing about
 * why. The reason goes to our log.
 */
final class CallbackRefused extends RuntimeException {

	private final HttpStatus status;

	CallbackRefused(HttpStatus status, String reason) {
		super(reason, null, false, false);
		this.status = status;
	}

	HttpStatus status() {
		return status;
	}
}
