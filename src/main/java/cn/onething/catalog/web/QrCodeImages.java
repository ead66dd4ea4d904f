package cn.onething.catalog.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * QR codes for guide addresses. Error correction M survives a scuffed print; the quiet zone of 2 modules keeps it
 * scannable when printed next to text. Pure CPU work of well under a millisecond.
 */
final class QrCodeImages {

	private static final int MODULE_PIXELS = 8;
	private static final Map<EncodeHintType, Object> HINTS = Map.of(EncodeHintType.ERROR_CORRECTION,
			ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2, EncodeHintType.CHARACTER_SET, "UTF-8");

	private QrCodeImages() {
	}

	static byte[] png(String content) {
		BitMatrix matrix = matrix(content, MODULE_PIXELS);
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			MatrixToImageWriter.writeToStream(matrix, "PNG", out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** One path of unit squares: small, sharp at any print size. */
	static String svg(String content) {
		BitMatrix matrix = matrix(content, 1);
		StringBuilder path = new StringBuilder();
		for (int y = 0; y < matrix.getHeight(); y++) {
			for (int x = 0; x < matrix.getWidth(); x++) {
				if (matrix.get(x, y)) {
					path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
				}
			}
		}
		return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + matrix.getWidth() + " " + matrix.getHeight()
				+ "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\""
				+ path + "\" fill=\"#000\"/></svg>";
	}

	private static BitMatrix matrix(String content, int modulePixels) {
		QRCodeWriter writer = new QRCodeWriter();
		try {
			BitMatrix modules = writer.encode(content, BarcodeFormat.QR_CODE, 0, 0, HINTS);
			if (modulePixels == 1) {
				return modules;
			}
			return writer.encode(content, BarcodeFormat.QR_CODE, modules.getWidth() * modulePixels,
					modules.getHeight() * modulePixels, HINTS);
		}
		catch (WriterException e) {
			throw new IllegalArgumentException("cannot encode as a QR code: " + content, e);
		}
	}
}
