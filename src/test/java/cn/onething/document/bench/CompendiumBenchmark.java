package cn.onething.document.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import cn.onething.bundle.BundleSnapshot;
import cn.onething.catalog.CatalogProperties;
import cn.onething.catalog.CatalogSnapshot;
import cn.onething.catalog.guidefiles.GuideFolder;
import cn.onething.catalog.guidefiles.GuideFolderReader;
import cn.onething.catalog.model.Guide;
import cn.onething.document.Compendium;
import cn.onething.document.CompendiumSelection;
import cn.onething.document.pdf.CompendiumWriter;
import cn.onething.document.pdf.FontChain;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * The compendium of 1,000 guides (the shipped ones copied under new codes), made with OpenPDF and, side by side in
 * the same run, as HTML printed by headless Chromium: time, file size, pages and memory, and the time to make the
 * book again after one guide changed. Run it with bench/compendium/run.sh (heap capped at 512 MB). A benchmark, not
 * a test: it asserts nothing.
 */
public final class CompendiumBenchmark {

	private static final CatalogProperties LINKS = new CatalogProperties(Path.of("guides"), false, null,
			"https://zwfw.example.cn", false);
	private static final String CHROMIUM = "/usr/bin/chromium";

	private record Measured<T>(T value, long millis, long peakHeapMb) {
	}

	private CompendiumBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
		Path out = Files.createDirectories(Path.of("target/bench-compendium"));
		GuideFolder folder = GuideFolderReader.read(Path.of("guides"));
		List<Guide> guides = copies(folder, count);
		CatalogSnapshot catalogue = snapshot(1, folder, guides);
		CatalogSnapshot oneChanged = snapshot(2, folder, withOneGuideChanged(guides));
		CompendiumWriter writer = new CompendiumWriter(FontChain.shipped(), LINKS);
		// the copies carry codes no bundle names: a book of guides, as this benchmark has always measured
		BundleSnapshot noBundles = BundleSnapshot.empty();
		LocalDate today = LocalDate.now();

		System.out.printf("%d guides, %d cores, max heap %d MB, Java %s%n", guides.size(),
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
				System.getProperty("java.version"));

		Measured<Compendium> cold = measure(() -> writer.write(catalogue, noBundles, CompendiumSelection.whole(), today));
		Measured<Compendium> warm = measure(() -> writer.write(catalogue, noBundles, CompendiumSelection.whole(), today));
		Measured<Compendium> changed = measure(() -> writer.write(oneChanged, noBundles, CompendiumSelection.whole(), today));
		Path openPdf = Files.write(out.resolve("openpdf.pdf"), warm.value().pdf());

		Path html = out.resolve("compendium.html");
		Measured<String> htmlRendering = measure(() -> new CompendiumHtml(LINKS).render(catalogue));
		Files.writeString(html, htmlRendering.value(), StandardCharsets.UTF_8);
		Path chromiumPdf = out.resolve("chromium.pdf");
		Measured<Long> chromium = measure(() -> print(html, chromiumPdf, out));
		Measured<String> htmlChanged = measure(() -> new CompendiumHtml(LINKS).render(oneChanged));
		Files.writeString(html, htmlChanged.value(), StandardCharsets.UTF_8);
		Measured<Long> chromiumChanged = measure(() -> print(html, chromiumPdf, out));

		System.out.println();
		System.out.println("| | OpenPDF (this module) | HTML + headless Chromium |");
		System.out.println("|---|---|---|");
		System.out.printf("| first book of the run (s) | %.1f (fonts loaded, JIT cold) | %.1f (HTML %.1f + Chromium %.1f) |%n",
				seconds(cold), seconds(htmlRendering) + seconds(chromium), seconds(htmlRendering), seconds(chromium));
		System.out.printf("| same book again (s) | %.1f | — |%n", seconds(warm));
		System.out.printf("| again after one guide changed (s) | %.1f | %.1f |%n", seconds(changed),
				seconds(htmlChanged) + seconds(chromiumChanged));
		System.out.printf("| file size (MB) | %.1f | %.1f |%n", megabytes(openPdf), megabytes(chromiumPdf));
		System.out.printf("| pages | %d | %d |%n", warm.value().pageCount(), pages(chromiumPdf));
		System.out.printf("| memory | %d MB peak Java heap (of 512) | %d MB peak memory (PSS) of Chromium's processes, outside the JVM |%n",
				Math.max(cold.peakHeapMb(), warm.peakHeapMb()), Math.max(chromium.value(), chromiumChanged.value()));
		System.out.printf("| page numbers in the contents | yes (two passes) | no (Chromium has no target-counter) |%n");
		System.out.println();
		System.out.println("files in " + out.toAbsolutePath());
	}

	/** The shipped guides over and over under new 12-digit codes until there are {@code count}. */
	private static List<Guide> copies(GuideFolder folder, int count) {
		List<Guide> shipped = folder.guides().stream().map(GuideFolder.SourcedGuide::guide).toList();
		List<Guide> guides = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Guide g = shipped.get(i % shipped.size());
			guides.add(i < shipped.size() ? g : recoded(g, String.format("99%010d", i), g.conditions()));
		}
		return guides;
	}

	private static List<Guide> withOneGuideChanged(List<Guide> guides) {
		List<Guide> changed = new ArrayList<>(guides);
		Guide g = changed.get(changed.size() / 2);
		changed.set(changed.size() / 2, recoded(g, g.code(), g.conditions() + "\n（本条件已于今日修订。）"));
		return changed;
	}

	private static Guide recoded(Guide g, String code, String conditions) {
		return new Guide(code, g.name(), g.aliases(), g.type(), g.domainId(), g.department(), g.serviceObjects(),
				g.useLevel(), g.legalBasis(), conditions, g.materials(), g.process(), g.timeLimit(), g.specialProcedures(),
				g.visits(), g.visitsNote(), g.fees(), g.windows(), g.contact(), g.complaint(), g.faq(), g.onlineUrl(),
				g.effectiveDate(), g.disclosure());
	}

	private static CatalogSnapshot snapshot(long version, GuideFolder folder, List<Guide> guides) {
		return new CatalogSnapshot(version, Instant.now(), folder.hall(), folder.domains(), folder.departments(), guides,
				Map.of());
	}

	/**
	 * Prints the HTML file to PDF and returns the peak memory of Chromium's whole process tree (browser, zygotes,
	 * renderer, GPU and utility processes), in MB, sampled from /proc every 100 ms. Proportional set sizes, so pages
	 * the processes share are counted once.
	 */
	private static long print(Path html, Path pdf, Path workDir) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
				"--disable-background-networking", "--no-pdf-header-footer", "--generate-pdf-document-outline",
				"--user-data-dir=" + workDir.resolve("chromium-profile").toAbsolutePath(),
				"--print-to-pdf=" + pdf.toAbsolutePath(), html.toUri().toString())
				.redirectErrorStream(true).redirectOutput(workDir.resolve("chromium.log").toFile()).start();
		long peakKb = 0;
		while (!process.waitFor(100, TimeUnit.MILLISECONDS)) {
			peakKb = Math.max(peakKb, Stream.concat(Stream.of(process.toHandle()), process.toHandle().descendants())
					.mapToLong(CompendiumBenchmark::proportionalKb).sum());
		}
		if (process.exitValue() != 0) {
			throw new IllegalStateException("chromium failed, see " + workDir.resolve("chromium.log"));
		}
		return peakKb >> 10;
	}

	private static long proportionalKb(ProcessHandle process) {
		try {
			return Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "smaps_rollup")).stream()
					.filter(line -> line.startsWith("Pss:")).mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
					.findFirst().orElse(0);
		}
		catch (IOException e) {
			return 0; // the process ended between listing and reading
		}
	}

	private static <T> Measured<T> measure(Callable<T> work) throws Exception {
		System.gc();
		List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
				.filter(pool -> pool.getType() == MemoryType.HEAP).toList();
		heap.forEach(MemoryPoolMXBean::resetPeakUsage);
		long start = System.nanoTime();
		T value = work.call();
		long millis = (System.nanoTime() - start) / 1_000_000;
		long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
		return new Measured<>(value, millis, peak >> 20);
	}

	private static double seconds(Measured<?> measured) {
		return measured.millis() / 1000.0;
	}

	private static double megabytes(Path file) throws IOException {
		return Files.size(file) / 1_000_000.0;
	}

	private static int pages(Path pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
			return document.getNumberOfPages();
		}
	}
}
