package cn.onething.catalog.guidefiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import cn.onething.catalog.model.Department;
import cn.onething.catalog.model.Domain;
import cn.onething.catalog.model.Guide;
import cn.onething.catalog.model.Hall;
import cn.onething.shared.yaml.Problems;
import cn.onething.shared.yaml.YamlFields;
import cn.onething.shared.yaml.YamlFiles;
import org.springframework.modulith.NamedInterface;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a whole guides folder (catalog.yaml, domains.yaml, departments.yaml and one file per item in the folder of
 * its domain) and reports every problem at once. Blocking file IO: callers run it off the request threads.
 */
@NamedInterface("guidefiles")
public final class GuideFolderReader {

	/** Folders of guides/ that hold other content (the working-day calendar, one-thing bundles, village places), not items. */
	private static final Set<String> OTHER_CONTENT = Set.of("calendar", "bundles", "places");

	private final Problems problems = new Problems();
	private final Path root;

	private GuideFolderReader(Path root) {
		this.root = root;
	}

	public static GuideFolder read(Path root) {
		return new GuideFolderReader(root).read();
	}

	private GuideFolder read() {
		if (!Files.isDirectory(root)) {
			problems.add(root.toString(), 1, "(folder)", "指南目录不存在");
			return new GuideFolder(null, List.of(), List.of(), List.of(), problems.sorted());
		}
		Hall hall = document("catalog.yaml").map(this::hall).orElse(null);
		List<Domain> domains = listDocument("domains.yaml", this::domain, Domain::id);
		List<Department> departments = listDocument("departments.yaml", this::department, Department::id);
		Map<String, Department> departmentsById = byId(departments, Department::id);
		Map<String, Domain> domainsById = byId(domains, Domain::id);
		List<GuideFolder.SourcedGuide> guides = guides(domainsById, departmentsById);
		return new GuideFolder(hall, domains, departments, guides, problems.sorted());
	}

	private Hall hall(YamlFields catalog) {
		catalog.onlyKeys(Set.of("county", "regionCode", "hall", "complaint"));
		String regionCode = catalog.text("regionCode");
		if (regionCode != null && !regionCode.matches("\\d{6}")) {
			catalog.problem("regionCode", "区划代码应为6位数字");
		}
		Optional<YamlFields> hall = catalog.object("hall", true);
		hall.ifPresent(h -> h.onlyKeys(Set.of("name", "address", "hours", "phone")));
		return new Hall(catalog.text("county"), regionCode, hall.map(h -> h.text("name")).orElse(null),
				hall.map(h -> h.text("address")).orElse(null), hall.map(h -> h.text("hours")).orElse(null),
				hall.map(h -> h.text("phone")).orElse(null), catalog.text("complaint"));
	}

	private Domain domain(YamlFields domain) {
		domain.onlyKeys(Set.of("id", "name", "aliases"));
		return new Domain(domain.text("id"), domain.text("name"), domain.texts("aliases", false));
	}

	private Department department(YamlFields department) {
		department.onlyKeys(Set.of("id", "name", "code"));
		String code = department.text("code");
		if (code != null) {
			ItemCodes.creditCodeProblem(code).ifPresent(message -> department.problem("code", message));
		}
		return new Department(department.text("id"), department.text("name"), code);
	}

	private static <T> Map<String, T> byId(List<T> entries, Function<T, String> id) {
		Map<String, T> byId = new LinkedHashMap<>();
		entries.stream().filter(entry -> id.apply(entry) != null).forEach(entry -> byId.putIfAbsent(id.apply(entry), entry));
		return byId;
	}

	private List<GuideFolder.SourcedGuide> guides(Map<String, Domain> domains, Map<String, Department> departments) {
		GuideFileReader reader = new GuideFileReader(departments);
		List<GuideFolder.SourcedGuide> guides = new ArrayList<>();
		Map<String, String> pathByCode = new HashMap<>();
		for (Path file : itemFiles()) {
			String path = relative(file);
			String domainId = root.relativize(file).getName(0).toString();
			Optional<YamlFields> item = document(path);
			if (item.isEmpty()) {
				continue;
			}
			if (!domains.containsKey(domainId)) {
				problems.add(path, 1, "domain", "目录“" + domainId + "”不是 domains.yaml 中的领域 id");
			}
			Guide guide = reader.read(item.get(), domainId);
			if (guide == null) {
				continue;
			}
			String earlier = pathByCode.putIfAbsent(guide.code(), path);
			if (earlier != null) {
				item.get().problem("code", "基本编码" + guide.code() + "与 " + earlier + " 重复");
			}
			guides.add(new GuideFolder.SourcedGuide(guide, path));
		}
		return guides;
	}

	private List<Path> itemFiles() {
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter(Files::isRegularFile)
					.filter(f -> root.relativize(f).getNameCount() > 1)
					.filter(f -> f.getFileName().toString().endsWith(".yaml") || f.getFileName().toString().endsWith(".yml"))
					.filter(f -> !root.relativize(f).getName(0).toString().startsWith("."))
					.filter(f -> !OTHER_CONTENT.contains(root.relativize(f).getName(0).toString()))
					.sorted()
					.toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A list of entries with unique ids; a repeated id is reported on the entry that repeats it. */
	private <T> List<T> listDocument(String path, Function<YamlFields, T> readEntry, Function<T, String> id) {
		Optional<Node> node = YamlFiles.node(root, path, problems);
		if (node.isEmpty()) {
			return List.of();
		}
		if (!(node.get() instanceof SequenceNode sequence)) {
			problems.add(path, YamlFields.line(node.get()), "(file)", "文件内容应为列表（每项以“- ”开头）");
			return List.of();
		}
		List<T> entries = new ArrayList<>();
		Map<String, Integer> lineById = new HashMap<>();
		for (Node entryNode : sequence.getValue()) {
			Optional<YamlFields> fields = YamlFields.root(path, entryNode, problems);
			if (fields.isEmpty()) {
				continue;
			}
			T entry = readEntry.apply(fields.get());
			String entryId = id.apply(entry);
			Integer earlier = entryId == null ? null : lineById.putIfAbsent(entryId, fields.get().line());
			if (earlier != null) {
				fields.get().problem("id", "id“" + entryId + "”与第" + earlier + "行重复");
			}
			entries.add(entry);
		}
		return entries;
	}

	private Optional<YamlFields> document(String path) {
		return YamlFiles.mapping(root, path, problems);
	}

	private String relative(Path file) {
		return root.relativize(file).toString().replace('\\', '/');
	}
}
