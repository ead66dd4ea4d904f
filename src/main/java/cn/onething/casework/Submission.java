package cn.onething.casework;

/**
 * The outcome of a submission: the case it filed, or, for a repeated request with the same idempotency key, the case
 * the first one filed ({@code replayed}).
 */
public record Submission(StoredCase stored, boolean replayed) {
}
