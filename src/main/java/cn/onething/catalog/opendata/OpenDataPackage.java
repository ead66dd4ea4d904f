package cn.onething.catalog.opendata;

import java.time.Instant;

/** A kept package of one catalogue version, as the index lists it: the archive's size and SHA-256. */
public record OpenDataPackage(long version, Instant publishedAt, String approvedBy, Instant approvedAt, long bytes,
		String sha256) {
}
