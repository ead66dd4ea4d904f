package cn.onething.document.pdf;

import com.lowagie.text.SplitCharacter;
import com.lowagie.text.pdf.DefaultSplitCharacter;
import com.lowagie.text.pdf.PdfChunk;

/**
 * Where a line of Chinese text may break. OpenPDF breaks after any ideograph, which starts lines with "，" or "）";
 * Chinese typesetting forbids that (GB/T 15834 and the usual 避头尾 rules): closing punctuation stays at the end of the
 * line it follows, opening punctuation at the start of the line it leads. A line may also break between a Latin word
 * or number and the ideograph that follows it.
 * <p>
 * OpenPDF asks whether the line may break <em>after</em> {@code cc[current]}; it sees one chunk at a time, so a break
 * at a change of font or style is always allowed.
 */
final class LineBreaks implements SplitCharacter {

	static final LineBreaks CHINESE = new LineBreaks();

	private static final String NEVER_STARTS_A_LINE = "，。、；：？！）》」』】〕〉〗］｝”’…—·％,.;:?!)]}%";
	private static final String NEVER_ENDS_A_LINE = "（《「『【〔〈〖［｛“‘([{";

	private LineBreaks() {
	}

	@Override
	public boolean isSplitCharacter(int start, int current, int end, char[] cc, PdfChunk[] ck) {
		char next = current + 1 < end ? cc[current + 1] : 0;
		if (NEVER_STARTS_A_LINE.indexOf(next) >= 0 && next != 0) {
			return false;
		}
		if (NEVER_ENDS_A_LINE.indexOf(cc[current]) >= 0) {
			return false;
		}
		return DefaultSplitCharacter.DEFAULT.isSplitCharacter(start, current, end, cc, ck)
				|| Character.isLowSurrogate(cc[current]) || next != 0 && isIdeograph(next);
	}

	/** CJK ideographs and punctuation, including the supplementary planes (Extension B and later). */
	private static boolean isIdeograph(char c) {
		return c >= 0x2e80 && c < 0xd7a0 || c >= 0xf900 && c < 0xfb00 || c >= 0xff00 && c < 0xffa0
				|| Character.isHighSurrogate(c);
	}
}
