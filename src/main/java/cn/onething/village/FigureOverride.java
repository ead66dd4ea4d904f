package cn.onething.village;

import java.time.Instant;

/**
 * A figure a committee published although it differs from the county's, with who decided it, why and when: what
 * township and county disclosure staff review.
 */
public record FigureOverride(Entry entry, Difference difference, String reason, String decidedBy, Instant decidedAt) {
}
