package cn.onething.platform.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.onething.catalog.Catalog;
import cn.onething.catalog.guidefiles.GuideFolderReader;
import cn.onething.catalog.model.Department;
import cn.onething.catalog.model.Guide;
import cn.onething.deploy.Replica;
import cn.onething.platform.ChangeSet;
import cn.onething.platform.PlatformStandIn;
import cn.onething.platform.PlatformSync;
import cn.onething.platform.SyncResult;
import cn.onething.platform.internal.PlatformReading;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.awaitility.Awaitility.await;

/**
 * Import and diff of N platform items (bench/platform/README.md): generates a payload in the fixture's shape over the
 * shipped guides' departments (every shipped guide's code once, changed, and new codes for the rest), starts the
 * service on the tests' embedded PostgreSQL with the shipped catalogue, then times one sync from the payload file
 * (read, map, change set, import) and reports the heap's peak during it.
 */
public final class PlatformSyncBenchmark {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private PlatformSyncBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int items = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
		List<Guide> shipped = GuideFolderReader.read(Path.of("guides")).guides().stream().map(g -> g.guide()).toList();
		Path payload = Files.createTempFile("platform-items", ".json");
		Files.writeString(payload, JSON.writeValueAsString(payload(items, shipped)));
		Map<String, String> settings = Replica.onFreshDatabase();
		settings.put("onething.catalog.import-on-startup", "true");
		settings.put("onething.platform.file", payload.toString());
		try (ConfigurableApplicationContext service = Replica.start(settings)) {
			Catalog catalog = service.getBean(Catalog.class);
			await().atMost(Duration.ofMinutes(2)).until(() -> catalog.isLoaded() && catalog.lastImport() != null);
			System.gc();
			resetPeaks();
			long start = System.nanoTime();
			PlatformReading.Read read = service.getBean(PlatformReading.class).read(catalog.current(), LocalDate.of(2025, 3, 5)).block();
			ChangeSet.between(catalog.current().guides(), read.mapped().stream().map(m -> m.guide()).toList());
			long diffMillis = (System.nanoTime() - start) / 1_000_000;
			System.gc();
			start = System.nanoTime();
			SyncResult result = service.getBean(PlatformSync.class).sync().block();
			long millis = (System.nanoTime() - start) / 1_000_000;
			System.out.printf("items %d, payload %d KB: %s, added %d, changed %d, withdrawn %d, problems %d; "
					+ "read, map and diff %d ms; whole sync (again, with the import and reload) %d ms; heap peak %d MB; guides now %d%n",
					items, Files.size(payload) / 1024, result.outcome(), result.changes().added().size(),
					result.changes().changed().size(), result.changes().withdrawn().size(), result.problems().size(),
					diffMillis, millis, heapPeak() / (1024 * 1024), catalog.current().guides().size());
		}
		finally {
			Files.deleteIfExists(payload);
		}
	}

	private static JsonNode payload(int items, List<Guide> shipped) {
		JsonNode template = JSON.readTree(PlatformStandIn.fixtureText("fusui-items.json")).path("data").path("list").get(1);
		ObjectNode root = JSON.createObjectNode();
		root.putObject("STATUS").put("CODE", "00");
		ObjectNode data = root.putObject("data");
		data.put("LASTTIMESTAMP", "1741132800000");
		data.put("RETURNITEMSUNNUM", items);
		ArrayNode list = data.putArray("list");
		List<Department> departments = shipped.stream().map(Guide::department).distinct().toList();
		for (int i = 0; i < items; i++) {
			boolean existing = i < shipped.size();
			Department department = existing ? shipped.get(i).department() : departments.get(i % departments.size());
			String code = existing ? shipped.get(i).code() : String.format("4520990%05d", i);
			String name = existing ? shipped.get(i).name() : "生成事项" + i;
			ObjectNode item = (ObjectNode) template.deepCopy();
			ObjectNode basic = (ObjectNode) item.get("AUDIT_ITEM");
			basic.put("catalog_code", code).put("task_name", name).put("dept_code", department.code())
					.put("dept_name", department.name()).put("task_code", department.code() + "4" + code)
					.put("task_type", existing ? shipped.get(i).type().code() : "20");
			list.add(item);
		}
		return root;
	}

	private static void resetPeaks() {
		heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
	}

	private static long heapPeak() {
		return heapPools().stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
	}

	private static List<MemoryPoolMXBean> heapPools() {
		return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP).toList();
	}
}
