package cn.onething.wechat.callback;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import cn.onething.wechat.internal.WechatProperties;
import me.chanjar.weixin.common.error.WxRuntimeException;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Safe and compatible mode (docs/wechat.md §6.2, §6.3): the push arrives AES-encrypted inside {@code <Encrypt>},
 * signed by {@code msg_signature}, and a reply goes back encrypted. The AES work is WxJava's WxCryptUtil (checked
 * against WeChat's scheme in §6.3); the signature we check ourselves, in constant time.
 */
@Component
class SafeMode {

	/** A push opened: what it says, and how to seal the reply to it. */
	record Opened(CallbackMessage message, UnaryOperator<String> seal) {
	}

	private final String token;
	private final List<WxCryptUtil> keys = new ArrayList<>();

	SafeMode(WechatProperties properties) {
		this.token = properties.token();
		// §6.3: after a key rotation WeChat may still use the previous key for a while; try both, newest first.
		for (String key : new String[] { properties.aesKey(), properties.previousAesKey() }) {
			if (key != null) {
				keys.add(new WxCryptUtil(properties.token(), key, properties.appId()));
			}
		}
	}

	Opened open(String body, String msgSignature, String timestamp, String nonce) {
		if (keys.isEmpty()) {
			throw new CallbackRefused(HttpStatus.FORBIDDEN, "an encrypted push arrived but onething.wechat.aes-key is not set");
		}
		String encrypt = CallbackXml.parse(body).field("Encrypt");
		if (encrypt.isEmpty() || !CallbackSignature.matches(msgSignature, token, timestamp, nonce, encrypt)) {
			throw new CallbackRefused(HttpStatus.FORBIDDEN, "msg_signature does not match");
		}
		for (WxCryptUtil key : keys) {
			try {
				// A wrong key yields garbage that fails here or as XML: then the next key is tried.
				return new Opened(CallbackXml.parse(key.decrypt(encrypt)), key::encrypt);
			}
			catch (WxRuntimeException | CallbackRefused wrongKey) {
				// try the previous key
			}
		}
		throw new CallbackRefused(HttpStatus.BAD_REQUEST, "no configured EncodingAESKey decrypts the push");
	}
}
