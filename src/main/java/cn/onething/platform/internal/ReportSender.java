package cn.onething.platform.internal;

import reactor.core.publisher.Mono;

/** The port reports leave through: one report, with its idempotency key, to the platform. */
interface ReportSender {

	/** What the platform made of one report. */
	sealed interface Answer {
	}

	/** Taken (or taken before: the platform de-duplicates on the key). */
	record Taken() implements Answer {
	}

	/** Refused for what the report says: sending it again unchanged would be refused again. */
	record Refused(int status, String reason) implements Answer {
	}

	/** Not known to have arrived: no connection, no answer in time, the platform busy or failing. */
	record Unavailable(String reason) implements Answer {
	}

	/** Never fails: transport errors come back as {@link Unavailable}. */
	Mono<Answer> send(String idempotencyKey, String reportJson);
}
