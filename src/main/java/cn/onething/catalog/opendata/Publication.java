package cn.onething.catalog.opendata;

import java.time.Instant;

/** When a catalogue version was published and, with review before publication, who approved it and when. */
record Publication(long version, Instant publishedAt, String approvedBy, Instant approvedAt) {
}
