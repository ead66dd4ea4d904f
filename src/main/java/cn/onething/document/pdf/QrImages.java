package cn.onething.document.pdf;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.Image;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;

/**
 * QR codes of guide addresses, drawn as one vector path of black squares: sharp at any print size and a few hundred
 * bytes each. Error correction M survives a scuffed page; a white border of four modules (the standard's quiet zone)
 * keeps it readable next to text.
 */
final class QrImages {

	private static final int QUIET_ZONE = 4;
	private static final Map<EncodeHintType, Object> HINTS = Map.of(EncodeHintType.ERROR_CORRECTION,
			ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0, EncodeHintType.CHARACTER_SET, "UTF-8");

	private QrImages() {
	}

	/** A square image of {@code size} points, quiet zone included. */
	static Image of(PdfContentByte canvas, String content, float size) {
		BitMatrix modules = encode(content);
		int count = modules.getWidth() + 2 * QUIET_ZONE;
		float module = size / count;
		PdfTemplate template = canvas.createTemplate(size, size);
		template.setGrayFill(0);
		for (int y = 0; y < modules.getHeight(); y++) {
			int x = 0;
			while (x < modules.getWidth()) {
				if (!modules.get(x, y)) {
					x++;
					continue;
				}
				int start = x;
				while (x < modules.getWidth() && modules.get(x, y)) {
					x++;
				}
				// PDF's origin is at the bottom left, the matrix's at the top left.
				template.rectangle((QUIET_ZONE + start) * module, size - (QUIET_ZONE + y + 1) * module,
						(x - start) * module, module);
			}
		}
		template.fill();
		return Image.getInstance(template);
	}

	private static BitMatrix encode(String content) {
		try {
			return new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0, HINTS);
		}
		catch (WriterException e) {
			throw new IllegalArgumentException("cannot encode as a QR code: " + content, e);
		}
	}
}
