package cn.onething.wechat.fake;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WeChat's side of the callback (docs/wechat.md §6): verifies the URL and pushes events to the service, signed and, in
 * compatible or safe mode, encrypted; waits 5 s for an answer and re-sends the identical body up to three times
 * (§6.4). Each push answers all its attempts.
 */
public final class FakeCallbacks {

	public enum Mode {
		PLAIN, COMPATIBLE, SAFE
	}

	/** One delivery attempt and what the service answered; status 0 when it did not answer in time. */
	public record Attempt(URI uri, String body, int status, String reply, boolean timedOut) {
	}

	/**
	 * All attempts of one push; {@code reply} is the last answer, decrypted if it was encrypted, and
	 * {@code invalidReply} is set when the answer was neither "success", empty, nor XML (§10.A.26).
	 */
	public record Outcome(List<Attempt> attempts, String reply, boolean invalidReply) {

		public int lastStatus() {
			return attempts.get(attempts.size() - 1).status();
		}
	}

	private static final Pattern ENCRYPT = Pattern.compile("<Encrypt><!\\[CDATA\\[(.*?)]]></Encrypt>");
	private static final Pattern TO_USER = Pattern.compile("<ToUserName><!\\[CDATA\\[(.*?)]]></ToUserName>");
	private static final Pattern FROM_USER = Pattern.compile("<FromUserName><!\\[CDATA\\[(.*?)]]></FromUserName>");

	private final HttpClient http = HttpClient.newHttpClient();
	private final SecureRandom random = new SecureRandom();
	private URI target;
	private final String token = FakeWechat.TOKEN;
	private final String aesKey = FakeWechat.AES_KEY;
	private Mode mode = Mode.PLAIN;
	private Duration timeout = Duration.ofSeconds(5);
	private int retries = 3;

	/** Where pushes go; without a target, events after sends are not pushed. */
	public synchronized FakeCallbacks target(URI target) {
		this.target = target;
		return this;
	}

	public synchronized FakeCallbacks mode(Mode mode) {
		this.mode = mode;
		return this;
	}

	/** §6.4: WeChat waits 5 s and re-sends; both configurable for tests. */
	public synchronized FakeCallbacks patience(Duration timeout, int retries) {
		this.timeout = timeout;
		this.retries = retries;
		return this;
	}

	/** §6.1: true if the service echoed echostr, and only that. */
	public boolean verifyUrl() throws IOException, InterruptedException {
		String timestamp = String.valueOf(Instant.now().getEpochSecond());
		String nonce = nonce();
		String echostr = "echo" + nonce;
		URI uri = URI.create(target + "?signature=" + FakeCrypt.signature(token, timestamp, nonce) + "&timestamp=" + timestamp
				+ "&nonce=" + nonce + "&echostr=" + echostr);
		HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		return answer.statusCode() == 200 && echostr.equals(answer.body());
	}

	void pushIfConfigured(String plainXml) {
		if (target != null) {
			push(plainXml);
		}
	}

	/** Pushes one event as WeChat would, with its retries; the body stays identical across attempts (§6.4). */
	public synchronized Outcome push(String plainXml) {
		String openid = first(FROM_USER, plainXml);
		String encrypt = mode == Mode.PLAIN ? null : FakeCrypt.encrypt(aesKey, FakeWechat.APP_ID, randomText(16), plainXml);
		String body = switch (mode) {
			case PLAIN -> plainXml;
			// §6.2: safe mode carries only ToUserName and Encrypt; compatible mode carries both forms.
			case SAFE -> "<xml><ToUserName><![CDATA[" + first(TO_USER, plainXml) + "]]></ToUserName><Encrypt><![CDATA[" + encrypt + "]]></Encrypt></xml>";
			case COMPATIBLE -> plainXml.replace("</xml>", "<Encrypt><![CDATA[" + encrypt + "]]></Encrypt></xml>");
		};
		List<Attempt> tries = new ArrayList<>();
		for (int attempt = 0; attempt <= retries; attempt++) {
			Attempt result = send(openid, encrypt, body);
			tries.add(result);
			if (!result.timedOut()) {
				break;
			}
		}
		Attempt last = tries.get(tries.size() - 1);
		String reply = last.reply() == null ? null : opened(last.reply());
		boolean invalid = !last.timedOut() && last.status() == 200 && !(reply.isEmpty() || "success".equals(reply) || reply.startsWith("<xml>"));
		return new Outcome(tries, reply, invalid);
	}

	private Attempt send(String openid, String encrypt, String body) {
		String timestamp = String.valueOf(Instant.now().getEpochSecond());
		String nonce = nonce();
		StringBuilder query = new StringBuilder("?signature=").append(FakeCrypt.signature(token, timestamp, nonce))
				.append("&timestamp=").append(timestamp).append("&nonce=").append(nonce).append("&openid=").append(openid);
		if (encrypt != null) {
			query.append("&encrypt_type=aes&msg_signature=").append(FakeCrypt.signature(token, timestamp, nonce, encrypt));
		}
		URI uri = URI.create(target + query.toString());
		try {
			HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri).timeout(timeout)
					.header("Content-Type", "text/xml").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
					HttpResponse.BodyHandlers.ofString());
			return new Attempt(uri, body, answer.statusCode(), answer.body(), false);
		}
		catch (HttpTimeoutException e) {
			return new Attempt(uri, body, 0, null, true);
		}
		catch (IOException e) {
			throw new IllegalStateException("the service is not reachable at " + target, e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** An encrypted reply is checked and opened (§10.A.25); others are returned as they are. */
	private String opened(String reply) {
		Matcher encrypted = ENCRYPT.matcher(reply);
		if (!encrypted.find()) {
			return reply;
		}
		String signature = first(Pattern.compile("<MsgSignature><!\\[CDATA\\[(.*?)]]></MsgSignature>"), reply);
		String timestamp = first(Pattern.compile("<TimeStamp>(.*?)</TimeStamp>"), reply);
		String nonce = first(Pattern.compile("<Nonce><!\\[CDATA\\[(.*?)]]></Nonce>"), reply);
		if (!FakeCrypt.signature(token, timestamp, nonce, encrypted.group(1)).equals(signature)) {
			throw new AssertionError("the encrypted reply's MsgSignature does not match: " + reply);
		}
		return FakeCrypt.decrypt(aesKey, encrypted.group(1)).message();
	}

	private static String first(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		return matcher.find() ? matcher.group(1) : "";
	}

	private String nonce() {
		return String.valueOf(1_000_000_000L + random.nextInt(1_000_000_000));
	}

	private String randomText(int length) {
		String letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < length; i++) {
			text.append(letters.charAt(random.nextInt(letters.length())));
		}
		return text.toString();
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
