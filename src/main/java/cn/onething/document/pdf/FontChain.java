package cn.onething.document.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Supplier;

import com.lowagie.text.pdf.BaseFont;

/**
 * The fonts the compendium prints with, in order of preference; each character takes the first font that has it.
 * <ol>
 * <li>WenQuanYi Micro Hei: a compact sans-serif covering all of GBK and the Latin letters, digits and punctuation
 * our guides use;</li>
 * <li>HanaMinA (Hanazono Mincho A): CJK Extension A (䶮 in personal names), the ballot boxes ☑ ☐ of the disclosure
 * table, and the most used Extension B characters (𠀋);</li>
 * <li>HanaMinB, cut down to Extensions B, C and D so that the file stays under 25 MB.</li>
 * </ol>
 * All are embedded as Identity-H subsets with a ToUnicode map, so the PDF needs no installed font and its text can be
 * copied and searched. See resources/fonts/README.md for sources and licences.
 * <p>
 * Parsing a font costs tens of megabytes and up to a second, so the chain is one per JVM and the fallbacks load only
 * when the first text needs them. Thread-safe.
 */
public final class FontChain {

	static final int NONE = -1;

	private static final FontChain SHIPPED = new FontChain(List.of("fonts/wqy-microhei.ttc,0", "fonts/HanaMinA.ttf",
			"fonts/HanaMinB-ExtBCD.ttf"));

	private final List<Supplier<BaseFont>> fonts;

	private FontChain(List<String> resources) {
		this.fonts = resources.stream().map(FontChain::lazily).toList();
	}

	public static FontChain shipped() {
		return SHIPPED;
	}

	/** The font for digits, Latin and common Chinese text, e.g. the page footer. */
	BaseFont primary() {
		return font(0);
	}

	int size() {
		return fonts.size();
	}

	BaseFont font(int index) {
		return fonts.get(index).get();
	}

	/** The index of the first font that can print the code point, or {@link #NONE}. */
	public int fontFor(int codePoint) {
		for (int i = 0; i < fonts.size(); i++) {
			if (font(i).charExists(codePoint)) {
				return i;
			}
		}
		return NONE;
	}

	private static Supplier<BaseFont> lazily(String resource) {
		return new Supplier<>() {

			private volatile BaseFont font;

			@Override
			public BaseFont get() {
				BaseFont loaded = font;
				if (loaded == null) {
					synchronized (this) {
						if (font == null) {
							font = load(resource);
						}
						loaded = font;
					}
				}
				return loaded;
			}
		};
	}

	/**
	 * Reads the font from the classpath ourselves: OpenPDF's own lookup goes through the context class loader, which
	 * is not the application's inside a Spring Boot jar on every thread.
	 */
	private static BaseFont load(String resource) {
		String file = resource.replaceFirst(",\\d+$", "");
		try (InputStream in = FontChain.class.getClassLoader().getResourceAsStream(file)) {
			if (in == null) {
				throw new IllegalStateException("font " + file + " is missing from the classpath");
			}
			return BaseFont.createFont(resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read font " + file, e);
		}
	}
}
