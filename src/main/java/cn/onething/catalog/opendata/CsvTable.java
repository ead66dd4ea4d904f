package cn.onething.catalog.opendata;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An open-data table whose columns are defined once: the same list writes the CSV (RFC 4180) and the column
 * definitions of the package's manifest, so the two cannot drift apart. A byte-order mark leads the file because
 * Excel, which most offices open it with, otherwise reads UTF-8 Chinese as garbage.
 */
public final class CsvTable<T> {

	private static final String BOM = "\uFEFF";

	/** A column: its header, what it means, and how a row fills it. */
	public record Column<T>(String name, String description, Function<T, String> value) {
	}

	private final List<Column<T>> columns;

	public CsvTable(List<Column<T>> columns) {
		this.columns = List.copyOf(columns);
	}

	public String csv(List<T> rows) {
		StringBuilder csv = new StringBuilder(BOM);
		line(csv, columns.stream().map(Column::name).toList());
		for (T row : rows) {
			line(csv, columns.stream().map(column -> column.value().apply(row)).toList());
		}
		return csv.toString();
	}

	public List<ColumnDefinition> definitions() {
		return columns.stream().map(c -> new ColumnDefinition(c.name(), c.description())).toList();
	}

	private static void line(StringBuilder csv, List<String> cells) {
		csv.append(cells.stream().map(CsvTable::cell).collect(Collectors.joining(","))).append("\r\n");
	}

	private static String cell(String value) {
		String text = value == null ? "" : value;
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}
}
