package cn.onething.village.placefiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import cn.onething.catalog.CatalogSnapshot;
import cn.onething.shared.yaml.Problems;
import cn.onething.shared.yaml.YamlFields;
import cn.onething.shared.yaml.YamlFiles;
import cn.onething.catalog.model.Guide;
import cn.onething.village.Committee;
import cn.onething.village.Contact;
import cn.onething.village.DisclosureItem;
import cn.onething.village.GovernmentMatter;
import cn.onething.village.Places;
import cn.onething.village.SharedElement;
import cn.onething.village.Township;

/**
 * Reads guides/places/: {@code village-list.yaml} (the village-level disclosure list) and one file per township with
 * its committees. Every problem is reported at once as {@code path:line: field: message}, like the guides'. A
 * matter that names a catalogue item is checked against the catalogue given. Blocking file IO: callers run it off
 * the request threads.
 */
public final class PlaceFolderReader {

	/** The folder of guides/ that holds places; the catalogue's reader skips it. */
	public static final String FOLDER = "places";
	static final String LIST = FOLDER + "/village-list.yaml";

	private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
	private static final List<String> COMMITTEE_KINDS = List.of("村民委员会", "社区居委会");
	private static final List<String> MODES = List.of("主动", "依申请");
	private static final String VILLAGE_LEVEL = "村级";

	private final Problems problems = new Problems();
	private final Path guidesDir;
	private final CatalogSnapshot catalogue;

	private PlaceFolderReader(Path guidesDir, CatalogSnapshot catalogue) {
		this.guidesDir = guidesDir;
		this.catalogue = catalogue;
	}

	public static PlaceFolder read(Path guidesDir, CatalogSnapshot catalogue) {
		return new PlaceFolderReader(guidesDir, catalogue).read();
	}

	private PlaceFolder read() {
		if (!Files.isDirectory(guidesDir.resolve(FOLDER))) {
			return new PlaceFolder(Places.none(), List.of());
		}
		List<DisclosureItem> items = YamlFiles.mapping(guidesDir, LIST, problems).map(this::items).orElse(List.of());
		List<Township> townships = new ArrayList<>();
		Map<String, String> pathById = new HashMap<>();
		for (String path : townshipFiles()) {
			YamlFiles.mapping(guidesDir, path, problems).ifPresent(file -> {
				Township township = township(file);
				String earlier = township.id() == null ? null : pathById.putIfAbsent(township.id(), path);
				if (earlier != null) {
					file.problem("id", "乡镇 id“" + township.id() + "”与 " + earlier + " 重复");
				}
				townships.add(township);
			});
		}
		return new PlaceFolder(new Places(townships, items), problems.sorted());
	}

	private List<DisclosureItem> items(YamlFields list) {
		list.onlyKeys(Set.of("items"));
		Set<String> ids = new HashSet<>();
		List<DisclosureItem> items = new ArrayList<>();
		for (YamlFields item : list.objects("items", true)) {
			item.onlyKeys(Set.of("id", "matter", "content", "basis", "timeLimit", "subject", "channels", "audience", "mode",
					"level", "cadence", "dueDay", "publicityDays", "recipients", "government"));
			String id = id(item);
			if (id != null && !ids.add(id)) {
				item.problem("id", "事项 id“" + id + "”重复");
			}
			String level = item.text("level");
			if (level != null && !VILLAGE_LEVEL.equals(level)) {
				item.problem("level", "村级公开目录的层级应为“村级”");
			}
			String cadence = item.oneOf("cadence", List.of("quarterly"), false);
			Integer dueDay = item.integer("dueDay", cadence != null);
			if (dueDay != null && (dueDay < 1 || dueDay > 90)) {
				item.problem("dueDay", "应为季度内的第1至90天");
			}
			if (dueDay != null && cadence == null) {
				item.problem("dueDay", "只有按季度公开（cadence: quarterly）的事项才有更新期限");
			}
			Integer publicityDays = item.integer("publicityDays", false);
			if (publicityDays != null && (publicityDays < 1 || publicityDays > 60)) {
				item.problem("publicityDays", "公示期应为1至60天");
			}
			boolean recipients = item.has("recipients") && Boolean.TRUE.equals(item.bool("recipients"));
			items.add(new DisclosureItem(id, item.text("matter"), item.text("content"), item.text("basis"),
					item.text("timeLimit"), item.text("subject"), item.texts("channels", true), item.text("audience"),
					item.oneOf("mode", MODES, true), level, cadence == null || dueDay == null ? 0 : dueDay,
					publicityDays == null ? 0 : publicityDays, recipients,
					item.object("government", false).flatMap(this::government)));
		}
		return items;
	}

	private Optional<GovernmentMatter> government(YamlFields government) {
		government.onlyKeys(Set.of("item", "figures"));
		String code = government.text("item");
		Optional<Guide> guide = code == null ? Optional.empty() : catalogue.guide(code);
		if (code != null && guide.isEmpty()) {
			government.problem("item", "目录中没有基本编码为“" + code + "”的事项");
		}
		Map<SharedElement, String> figures = new EnumMap<>(SharedElement.class);
		government.object("figures", true).ifPresent(fields -> {
			Set<String> keys = new HashSet<>();
			for (SharedElement element : SharedElement.values()) {
				keys.add(element.key());
				if (fields.has(element.key())) {
					Optional.ofNullable(fields.text(element.key())).ifPresent(figure -> figures.put(element, figure));
				}
			}
			fields.onlyKeys(keys);
			if (figures.isEmpty() && keys.stream().noneMatch(fields::has)) {
				government.problem("figures", "至少需要一项：amount、standard、basis 或 deadline");
			}
		});
		return guide.map(found -> new GovernmentMatter(found.code(), found.name(), figures));
	}

	private Township township(YamlFields file) {
		file.onlyKeys(Set.of("id", "name", "contact", "villages"));
		String id = id(file);
		Set<String> ids = new HashSet<>();
		List<Committee> committees = new ArrayList<>();
		for (YamlFields village : file.objects("villages", true)) {
			village.onlyKeys(Set.of("id", "name", "kind", "contact"));
			String villageId = id(village);
			if ("screen".equals(villageId)) {
				village.problem("id", "“screen”是电子屏页面的地址，不能用作村（居）委会 id");
			}
			else if (villageId != null && !ids.add(villageId)) {
				village.problem("id", "村（居）委会 id“" + villageId + "”在本乡镇重复");
			}
			committees.add(new Committee(id, villageId, village.text("name"), village.oneOf("kind", COMMITTEE_KINDS, true),
					contact(village)));
		}
		return new Township(id, file.text("name"), contact(file), committees);
	}

	private Contact contact(YamlFields owner) {
		return owner.object("contact", true).map(contact -> {
			contact.onlyKeys(Set.of("office", "phone", "address"));
			return new Contact(contact.text("office"), contact.text("phone"), contact.text("address"));
		}).orElse(new Contact(null, null, null));
	}

	private static String id(YamlFields fields) {
		String id = fields.text("id");
		if (id != null && !ID.matcher(id).matches()) {
			fields.problem("id", "id 只能由小写英文字母、数字和“-”组成");
			return null;
		}
		return id;
	}

	/** The township files: every .yaml of guides/places/ but the list, by name. */
	private List<String> townshipFiles() {
		try (Stream<Path> files = Files.list(guidesDir.resolve(FOLDER))) {
			return files.filter(Files::isRegularFile)
					.map(file -> FOLDER + "/" + file.getFileName())
					.filter(path -> path.endsWith(".yaml") && !path.equals(LIST) && !path.startsWith(FOLDER + "/."))
					.sorted()
					.toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
