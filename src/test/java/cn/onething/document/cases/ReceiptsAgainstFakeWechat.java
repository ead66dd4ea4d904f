package cn.onething.document.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Set;

import cn.onething.casework.StoredCase;
import cn.onething.catalog.CatalogProperties;
import cn.onething.document.CaseDocuments;
import cn.onething.notification.NotifyingService;
import cn.onething.wechat.fake.FakeWechat;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.springframework.beans.factory.annotation.Autowired;

/** Receipts printed by the running service with the fake WeChat's account, read back as an applicant would. */
abstract class ReceiptsAgainstFakeWechat extends NotifyingService {

	static final String BIND_ON_THE_PROGRESS_PAGE = "如需通过微信接收办理进度通知，请扫描下方二维码打开办理进度页面，在“微信通知”栏目中绑定微信。";
	static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

	@Autowired
	CaseDocuments documents;

	@Autowired
	CatalogProperties catalog;

	/** What a receipt shows: its text without white space, and what its QR codes hold. */
	record PrintedReceipt(String text, Set<String> codes) {
	}

	PrintedReceipt receiptOf(StoredCase stored) {
		try (PDDocument document = Loader.loadPDF(documents.receipt(stored.file().id()).block())) {
			return new PrintedReceipt(new PDFTextStripper().getText(document).replaceAll("\\s+", ""), PrintedQrCodes.of(document));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	String progressUrl(StoredCase stored) {
		return catalog.publicBaseUrl() + links.progressPath(stored.file().receiptCode());
	}

	/** Calls of WeChat's qrcode/create so far, by every test. */
	static int codesMade() {
		return FAKE.received(FakeWechat.QRCODE_CREATE_PATH).size();
	}

	/** The expiry of the case's code as stored; null when none is stored. */
	Instant storedExpiry(StoredCase stored) {
		return db.sql("select expires_at from notification_binding_qr where receipt_code = :receipt and url is not null")
				.bind("receipt", stored.file().receiptCode()).map(row -> row.get("expires_at", Instant.class)).one().block();
	}

	/** 有效期至: the last day the code lives through, in Beijing. */
	static String validThrough(Instant expiry) {
		return "二维码有效期至" + DATE.format(LocalDate.ofInstant(expiry, ZoneId.of("Asia/Shanghai")).minusDays(1));
	}
}
