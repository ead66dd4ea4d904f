package cn.onething.catalog.web;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/** Reads a QR code from an image (a PNG the server sends, a screenshot of a phone), as a phone's camera would. */
final class QrImages {

	private QrImages() {
	}

	static String decode(byte[] image) {
		try {
			BufferedImage picture = ImageIO.read(new ByteArrayInputStream(image));
			return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(picture))),
					Map.of(DecodeHintType.TRY_HARDER, true)).getText();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (NotFoundException | ChecksumException | FormatException e) {
			throw new AssertionError("no readable QR code in the image", e);
		}
	}
}
