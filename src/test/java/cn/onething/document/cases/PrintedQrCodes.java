package cn.onething.document.cases;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

/** The QR codes on a printed case document, read as phones do from a rendering of each page. */
public final class PrintedQrCodes {

	private PrintedQrCodes() {
	}

	/**
	 * The content of every code on every page. A full page of Chinese text around the codes now and then offers
	 * ZXing's finder a false pattern at one resolution (a code's content, and so its layout, is random per run), so
	 * what two resolutions read is put together.
	 */
	public static Set<String> of(PDDocument document) throws IOException {
		Set<String> contents = new LinkedHashSet<>();
		for (int page = 0; page < document.getNumberOfPages(); page++) {
			for (int dpi : new int[] { 200, 300 }) {
				BufferedImage image = new PDFRenderer(document).renderImageWithDPI(page, dpi);
				try {
					for (Result code : new QRCodeMultiReader().decodeMultiple(
							new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
							Map.of(DecodeHintType.TRY_HARDER, true))) {
						contents.add(code.getText());
					}
				}
				catch (NotFoundException e) {
					// none at this resolution, or none on this page
				}
			}
		}
		return contents;
	}
}
