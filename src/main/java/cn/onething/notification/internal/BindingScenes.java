package cn.onething.notification.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.onething.casework.CaseLinks;
import org.springframework.stereotype.Component;

/**
 * The scene of a case's binding QR code and OAuth link: {@code c:<receipt code>:<MAC>}. Anyone can open
 * /wechat/oauth/start with a scene of their choosing, so a scene binds only with a MAC we made: without the key
 * nobody binds their openid to someone else's case and reads its progress. It fits WeChat's scene alphabet
 * ({@code A-Z a-z 0-9 _ . : -}, at most 64 characters, docs/wechat.md §4.1).
 */
@Component
public class BindingScenes {

	private static final String PREFIX = "c:";
	private static final Pattern SCENE = Pattern.compile("c:([0-9A-Z]{1,32}):([A-Za-z0-9_-]{12})");
	private static final int MAC_LENGTH = 12;

	private final CaseLinks links;

	BindingScenes(CaseLinks links) {
		this.links = links;
	}

	public String sceneFor(String receiptCode) {
		return PREFIX + receiptCode + ":" + mac(receiptCode);
	}

	/** Whether the scene claims to be ours; other modules and tests use scenes of their own. */
	public boolean isCaseScene(String scene) {
		return scene != null && scene.startsWith(PREFIX);
	}

	/** The receipt code of a scene we made; empty for a forged, altered or foreign scene. */
	public Optional<String> receiptCodeOf(String scene) {
		Matcher matcher = scene == null ? null : SCENE.matcher(scene);
		if (matcher == null || !matcher.matches()) {
			return Optional.empty();
		}
		String receiptCode = matcher.group(1);
		boolean authentic = MessageDigest.isEqual(mac(receiptCode).getBytes(StandardCharsets.US_ASCII),
				matcher.group(2).getBytes(StandardCharsets.US_ASCII));
		return authentic ? Optional.of(receiptCode) : Optional.empty();
	}

	/**
	 * 72 bits of the progress links' HMAC, keyed by the same secret (set on every replica, so a printed code works
	 * on any of them) over a message no receipt code can be: the MAC is never a progress link's key, and a scene
	 * seen by WeChat or in a dev page opens nothing.
	 */
	private String mac(String receiptCode) {
		return links.keyFor("wechat-binding:" + receiptCode).substring(0, MAC_LENGTH);
	}
}
