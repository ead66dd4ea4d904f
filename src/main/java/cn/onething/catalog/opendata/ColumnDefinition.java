package cn.onething.catalog.opendata;

/** What one column of an open-data file (or one field of its JSON rows) holds, as the manifest lists it. */
public record ColumnDefinition(String name, String description) {
}
