package cn.onething.catalog.opendata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import cn.onething.catalog.CatalogProperties;
import cn.onething.catalog.CatalogSnapshot;
import cn.onething.catalog.DisclosureRow;
import cn.onething.catalog.model.Domain;
import cn.onething.catalog.model.Guide;
import cn.onething.catalog.model.Hall;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the open-data package of one catalogue version. The same version gives the same bytes wherever and
 * whenever it is built: entries in a fixed order, every entry dated the version's publication time as a local
 * date-time of the county (no time zone of the machine, no extra time fields), rows in catalogue order, and the same
 * compression level. Blocking work (hashing, compressing): callers run it on a bounded scheduler.
 */
final class PackageBuilder {

	static final String MANIFEST = "manifest.json";
	private static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");

	private final JsonMapper json;
	private final CatalogProperties properties;

	PackageBuilder(JsonMapper json, CatalogProperties properties) {
		this.json = json;
		this.properties = properties;
	}

	/** A guide in guides.json: the guide as /api/items/{code} gives it, with its version and stable address. */
	record GuideEntry(int version, String url, Guide guide) {
	}

	byte[] build(CatalogSnapshot snapshot, Publication publication) {
		List<OpenDataFile> files = files(snapshot);
		byte[] manifest = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest(snapshot.hall(), publication, files));
		LocalDateTime entryTime = LocalDateTime.ofInstant(publication.publishedAt(), COUNTY).truncatedTo(ChronoUnit.SECONDS);
		return zip(manifest, files, entryTime);
	}

	private List<OpenDataFile> files(CatalogSnapshot snapshot) {
		List<DisclosureRow> disclosure = snapshot.disclosureCatalog();
		List<GuideCsv.Row> guides = new ArrayList<>();
		for (Domain domain : snapshot.domains()) {
			for (Guide guide : snapshot.guidesOf(domain.id())) {
				guides.add(new GuideCsv.Row(guide, domain.name(), snapshot.versionOf(guide.code()), properties.guideUrl(guide.code())));
			}
		}
		return List.of(
				new OpenDataFile("disclosure-catalog.csv", "text/csv; charset=UTF-8（带 BOM）", "公开事项标准目录，每行一个公开事项",
						DisclosureCsv.of(disclosure).getBytes(StandardCharsets.UTF_8), disclosure.size(), DisclosureCsv.TABLE.definitions()),
				new OpenDataFile("disclosure-catalog.json", "application/json", "公开事项标准目录，与 disclosure-catalog.csv 同一内容的 JSON 数组",
						json.writeValueAsBytes(disclosure), disclosure.size(), JsonFields.DISCLOSURE),
				new OpenDataFile("guides.csv", "text/csv; charset=UTF-8（带 BOM）", "办事指南目录，每行一个事项的主要要素",
						GuideCsv.TABLE.csv(guides).getBytes(StandardCharsets.UTF_8), guides.size(), GuideCsv.TABLE.definitions()),
				new OpenDataFile("guides.json", "application/json", "办事指南全文（申请材料、办理流程、设定依据、办理地点等），JSON 数组",
						json.writeValueAsBytes(guides.stream().map(g -> new GuideEntry(g.version(), g.url(), g.guide())).toList()),
						guides.size(), JsonFields.GUIDE));
	}

	private Manifest manifest(Hall hall, Publication publication, List<OpenDataFile> files) {
		String approval = publication.approvedBy() == null ? "" : "，经上级审核（" + publication.approvedBy() + "）批准发布";
		return new Manifest(hall.county() + "政务公开开放数据：公开事项标准目录和办事指南（第" + publication.version() + "版）",
				publication.version(), publication.publishedAt(), publication.approvedBy(), publication.approvedAt(), hall.name(),
				"本数据由" + hall.name() + "依照《中华人民共和国政府信息公开条例》主动公开，任何单位和个人可以免费获取、复制、传播和使用，"
						+ "使用时请注明来源，不得歪曲数据原意。以" + hall.name() + "现行公布的版本为准。",
				"来源：" + hall.county() + "办事指南目录第" + publication.version() + "版" + approval + "。公开事项标准目录的栏目依照基层政务公开标准目录；"
						+ "各文件的 SHA-256 校验值、行数和栏目说明见 files，历史版本见 " + properties.address("/open-data") + "。",
				files.stream().map(f -> new Manifest.Entry(f.name(), f.format(), f.description(), f.bytes().length, sha256(f.bytes()),
						f.rows(), f.columns())).toList());
	}

	private static byte[] zip(byte[] manifest, List<OpenDataFile> files, LocalDateTime entryTime) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
			zip.setLevel(Deflater.BEST_COMPRESSION);
			entry(zip, MANIFEST, manifest, entryTime);
			for (OpenDataFile file : files) {
				entry(zip, file.name(), file.bytes(), entryTime);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return bytes.toByteArray();
	}

	private static void entry(ZipOutputStream zip, String name, byte[] content, LocalDateTime time) throws IOException {
		ZipEntry entry = new ZipEntry(name);
		// a local date-time is written as DOS time as it is; setTime(long) would convert by the machine's time zone
		entry.setTimeLocal(time);
		zip.putNextEntry(entry);
		zip.write(content);
		zip.closeEntry();
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java runtime has SHA-256", e);
		}
	}
}
