package cn.onething.catalog.mistakes;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Where each field of a <em>valid</em> item file stands, so that a test can break one field on a line it knows
 * and expect the validator to name that line. Lines are counted from 1, as problems count them.
 */
public final class ItemFileOutline {

	/**
	 * One field: its path as problems name it ({@code materials[1].form}), its key's line and column, the first
	 * line of the mapping that holds it, and the last line of its value (block values span several lines).
	 */
	public record Field(String path, String key, int line, int column, Node value, int mappingLine,
			boolean firstInMapping, boolean onDashLine, int lastLine) {

		/** The path with list indexes dropped ({@code materials[].form}), to match a field whatever its position. */
		public String kind() {
			return path.replaceAll("\\[\\d+]", "[]");
		}

		/** The path of the mapping that holds this field, empty at the top of the file. */
		public String parentPath() {
			return path.substring(0, path.length() - key.length()).replaceFirst("\\.$", "");
		}

		/** A plain one-line value ({@code visits: 1}), not a list, mapping, quoted text or block of text. */
		public boolean isPlainOneLineScalar() {
			return value instanceof ScalarNode scalar && scalar.getScalarStyle().getChar() == null && lastLine == line
					&& value.getStartMark().getLine() + 1 == line;
		}

		/** A list written on the key's line ({@code channels: [a, b]}). */
		public boolean isOneLineFlowList() {
			return value instanceof SequenceNode sequence && sequence.getFlowStyle() == FlowStyle.FLOW
					&& value.getStartMark().getLine() + 1 == line && value.getEndMark().getLine() + 1 == line;
		}

		/** The text of a scalar value. */
		public String text() {
			return ((ScalarNode) value).getValue();
		}

		public List<String> listTexts() {
			return ((SequenceNode) value).getValue().stream().map(item -> ((ScalarNode) item).getValue()).toList();
		}
	}

	private final List<String> lines;
	private final List<Field> fields = new ArrayList<>();

	private ItemFileOutline(String text) {
		this.lines = text.lines().toList();
		walk((MappingNode) new Yaml(new LoaderOptions()).compose(new StringReader(text)), "");
	}

	public static ItemFileOutline of(String text) {
		return new ItemFileOutline(text);
	}

	public List<Field> fields() {
		return fields;
	}

	public Optional<Field> field(String path) {
		return fields.stream().filter(f -> f.path().equals(path)).findFirst();
	}

	public List<String> lines() {
		return lines;
	}

	/** The fields directly inside the mapping at {@code parentPath} ("" for the top of the file). */
	public List<Field> children(String parentPath) {
		return fields.stream().filter(f -> f.parentPath().equals(parentPath)).toList();
	}

	private void walk(MappingNode mapping, String prefix) {
		int mappingLine = mapping.getStartMark().getLine() + 1;
		boolean first = true;
		for (NodeTuple tuple : mapping.getValue()) {
			String key = ((ScalarNode) tuple.getKeyNode()).getValue();
			String path = prefix.isEmpty() ? key : prefix + "." + key;
			int line = tuple.getKeyNode().getStartMark().getLine() + 1;
			int column = tuple.getKeyNode().getStartMark().getColumn();
			boolean onDashLine = lines.get(line - 1).substring(0, column).strip().equals("-");
			fields.add(new Field(path, key, line, column, tuple.getValueNode(), mappingLine, first, onDashLine,
					lastLineOfBlock(line, column)));
			first = false;
			if (tuple.getValueNode() instanceof MappingNode nested) {
				walk(nested, path);
			}
			else if (tuple.getValueNode() instanceof SequenceNode sequence) {
				for (int i = 0; i < sequence.getValue().size(); i++) {
					if (sequence.getValue().get(i) instanceof MappingNode item) {
						walk(item, path + "[" + i + "]");
					}
				}
			}
		}
	}

	/** A value ends before the next line that is not indented deeper than its key. */
	private int lastLineOfBlock(int line, int column) {
		int last = line;
		for (int i = line; i < lines.size(); i++) {
			String text = lines.get(i);
			if (text.isBlank()) {
				continue;
			}
			if (text.length() - text.stripLeading().length() <= column) {
				break;
			}
			last = i + 1;
		}
		return last;
	}
}
