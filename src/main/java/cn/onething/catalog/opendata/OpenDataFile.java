package cn.onething.catalog.opendata;

import java.util.List;

/** One file of a package, as it is zipped and as the manifest describes it. */
record OpenDataFile(String name, String format, String description, byte[] bytes, int rows, List<ColumnDefinition> columns) {
}
