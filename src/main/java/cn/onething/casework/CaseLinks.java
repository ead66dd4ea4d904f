package cn.onething.casework;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Links to a case's progress page that only its applicant holds: the receipt code plus an HMAC of it. Printed on
 * the receipt as a QR code and pushed to WeChat, so the applicant never types anything; without the key, the page
 * asks for the last four digits of the phone.
 */
@Component
public class CaseLinks {

	private static final Logger log = LoggerFactory.getLogger(CaseLinks.class);

	private final byte[] secret;

	CaseLinks(CaseworkProperties properties) {
		if (properties.linkSecret() == null || properties.linkSecret().isBlank()) {
			log.warn("onething.casework.link-secret is not set: progress links are signed with a random key and stop "
					+ "working after a restart; set the same secret on every replica");
			this.secret = new byte[32];
			new SecureRandom().nextBytes(this.secret);
		}
		else {
			this.secret = properties.linkSecret().getBytes(StandardCharsets.UTF_8);
		}
	}

	public String keyFor(String receiptCode) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret, "HmacSHA256"));
			byte[] digest = mac.doFinal(receiptCode.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
		}
	}

	public boolean isValid(String receiptCode, String key) {
		return key != null && MessageDigest.isEqual(keyFor(receiptCode).getBytes(StandardCharsets.US_ASCII),
				key.getBytes(StandardCharsets.US_ASCII));
	}

	/** The path of the progress page, with its key. */
	public String progressPath(String receiptCode) {
		return "/cases/" + receiptCode + "?k=" + keyFor(receiptCode);
	}

	/**
	 * The lookup form with the code filled in: where a link without a valid key leads. The code comes from an
	 * address as someone typed it, so it is encoded, never copied into the redirect as it is.
	 */
	public String lookupPath(String code) {
		return "/cases?code=" + URLEncoder.encode(code, StandardCharsets.UTF_8);
	}

	/** The path of the acceptance receipt PDF (module document), with the same key. */
	public String receiptPdfPath(String receiptCode) {
		return "/cases/" + receiptCode + "/receipt.pdf?k=" + keyFor(receiptCode);
	}

	/** The path of the 不予受理通知书 PDF (module document), with the same key. */
	public String nonAcceptancePdfPath(String receiptCode) {
		return "/cases/" + receiptCode + "/non-acceptance.pdf?k=" + keyFor(receiptCode);
	}

	/** The path of a refused step's 不予行政许可决定书 PDF (module document), with the same key. */
	public String refusalPdfPath(String receiptCode, String stepId) {
		return "/cases/" + receiptCode + "/refusals/" + stepId + ".pdf?k=" + keyFor(receiptCode);
	}
}
