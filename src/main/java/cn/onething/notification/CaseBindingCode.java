package cn.onething.notification;

import java.time.Instant;

/**
 * A case's binding QR code (带参数二维码): scanning it in WeChat follows the official account and binds the scanner's
 * openid to the case in one step.
 *
 * @param url       the text the code holds (WeChat's {@code http://weixin.qq.com/q/...}, or a dev page in dev mode),
 *                  to print as a QR code of one's own
 * @param imageUrl  a ready-made image of the code, for pages
 * @param expiresAt after this, scanning does nothing
 */
public record CaseBindingCode(String url, String imageUrl, Instant expiresAt) {
}
