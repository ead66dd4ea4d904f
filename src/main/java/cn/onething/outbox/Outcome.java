package cn.onething.outbox;

/**
 * What a handler made of one message: delivered, try again later (a temporary failure), or never (a permanent one,
 * the row goes dead with the reason for a supervisor to read).
 */
public record Outcome(Verdict verdict, String reason) {

	public enum Verdict {
		DONE, RETRY_LATER, GIVE_UP
	}

	public static final Outcome DONE = new Outcome(Verdict.DONE, null);

	public Outcome {
		if (verdict == null) {
			throw new IllegalArgumentException("an outcome needs a verdict");
		}
		if (verdict != Verdict.DONE && (reason == null || reason.isBlank())) {
			throw new IllegalArgumentException(verdict + " needs a reason a supervisor can read");
		}
	}

	public static Outcome retryLater(String reason) {
		return new Outcome(Verdict.RETRY_LATER, reason);
	}

	public static Outcome giveUp(String reason) {
		return new Outcome(Verdict.GIVE_UP, reason);
	}
}
