package cn.onething.catalog.opendata;

import java.time.Instant;
import java.util.List;

/**
 * manifest.json, the first entry of a package: which catalogue version it holds, when it was published and by whose
 * approval, the licence and source, and for every other file its checksum, size, row count and columns. The
 * manifest does not list itself: it cannot hold its own checksum; the index lists the archive's.
 */
record Manifest(String title, long version, Instant publishedAt, String approvedBy, Instant approvedAt,
		String publisher, String licence, String source, List<Entry> files) {

	record Entry(String name, String format, String description, long bytes, String sha256, int rows,
			List<ColumnDefinition> columns) {
	}
}
