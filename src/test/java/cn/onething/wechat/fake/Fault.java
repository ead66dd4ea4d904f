package cn.onething.wechat.fake;

import java.time.Duration;

/** Trouble the fake can cause on the next calls of an endpoint (docs/wechat.md §9, §10.A.27). */
public sealed interface Fault {

	/** Answer this errcode (HTTP 200) without doing anything. */
	static Fault errcode(int errcode) {
		return new Errcode(errcode);
	}

	/** Answer this HTTP status with an HTML page, as a broken proxy would. */
	static Fault httpStatus(int status) {
		return new HttpStatus(status);
	}

	/** Do the work, then answer only after this delay: the caller may give up with the outcome unknown. */
	static Fault slow(Duration delay) {
		return new Slow(delay);
	}

	/**
	 * Do the work, then close the connection without a word: WeChat took the message and the answer was lost, so
	 * the caller cannot know the outcome.
	 */
	static Fault dropAnswer() {
		return new DropAnswer();
	}

	record Errcode(int errcode) implements Fault {
	}

	record HttpStatus(int status) implements Fault {
	}

	record Slow(Duration delay) implements Fault {
	}

	record DropAnswer() implements Fault {
	}
}
