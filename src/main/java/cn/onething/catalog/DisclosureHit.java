package cn.onething.catalog;

/** A row of the disclosure catalogue (公开事项) found by a search, and why. */
public record DisclosureHit(DisclosureRow row, int score, String reason) {
}
