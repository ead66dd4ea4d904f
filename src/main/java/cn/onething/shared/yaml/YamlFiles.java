package cn.onething.shared.yaml;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Opens one YAML file of the guides folder (guides, bundles, places, holidays) as a tree with line marks. A missing, oversized, empty, non-UTF-8 or
 * malformed file becomes a problem, never an exception, so a read reports every file's mistakes at once.
 */
public final class YamlFiles {

	private static final int MAX_FILE_BYTES = 1 << 20;

	private YamlFiles() {
	}

	/** The YAML tree of {@code path} (relative to {@code root}, as problems name it). */
	public static Optional<Node> node(Path root, String path, Problems problems) {
		return fileNode(root.resolve(path), path, problems);
	}

	private static Optional<Node> fileNode(Path file, String path, Problems problems) {
		if (!Files.isRegularFile(file)) {
			problems.add(path, 1, "(file)", "缺少文件");
			return Optional.empty();
		}
		try {
			if (Files.size(file) > MAX_FILE_BYTES) {
				problems.add(path, 1, "(file)", "文件超过1 MB，请拆分");
				return Optional.empty();
			}
			Optional<String> text = utf8Text(Files.readAllBytes(file), path, problems);
			if (text.isEmpty()) {
				return Optional.empty();
			}
			Node node = new Yaml(new LoaderOptions()).compose(new StringReader(text.get()));
			if (node == null) {
				problems.add(path, 1, "(file)", "文件为空");
			}
			return Optional.ofNullable(node);
		}
		catch (MarkedYAMLException e) {
			problems.add(path, YamlSyntaxErrors.line(e), "(yaml)", YamlSyntaxErrors.message(e));
		}
		catch (YAMLException e) {
			problems.add(path, 1, "(yaml)", "YAML 格式错误：" + e.getMessage());
		}
		catch (IOException e) {
			problems.add(path, 1, "(file)", "无法读取文件：" + e.getMessage());
		}
		return Optional.empty();
	}

	/**
	 * The file's text, or a problem on the first line that is not UTF-8: editors on Windows often save Chinese as
	 * GBK, and that line is where the editor should look.
	 */
	private static Optional<String> utf8Text(byte[] bytes, String path, Problems problems) {
		ByteBuffer in = ByteBuffer.wrap(bytes);
		CharBuffer out = CharBuffer.allocate(bytes.length);
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
		CoderResult result = decoder.decode(in, out, true);
		if (!result.isError()) {
			result = decoder.flush(out);
		}
		if (result.isError()) {
			int line = 1;
			for (int i = 0; i < in.position(); i++) {
				line += bytes[i] == '\n' ? 1 : 0;
			}
			problems.add(path, line, "(file)", "文件不是 UTF-8 编码，请以 UTF-8 保存（这是第一处无法读取的行）");
			return Optional.empty();
		}
		return Optional.of(out.flip().toString());
	}

	/** The top mapping of {@code path}; a file that is not a mapping is a problem. */
	public static Optional<YamlFields> mapping(Path root, String path, Problems problems) {
		return fileMapping(root.resolve(path), path, problems);
	}

	/** The top mapping of {@code file}, whose problems name it as {@code shownAs}. */
	public static Optional<YamlFields> fileMapping(Path file, String shownAs, Problems problems) {
		return fileNode(file, shownAs, problems).flatMap(node -> YamlFields.root(shownAs, node, problems));
	}
}
