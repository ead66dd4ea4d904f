package cn.onething.wechat;

import java.time.Instant;

/**
 * A temporary parametric QR code (带参数二维码, docs/wechat.md §4.1): scanning it in WeChat reports the scene with the
 * scanner's openid to {@link WechatListener#scanned}.
 *
 * @param scene     what the scan binds to, as given to {@link WechatChannel#createBindingQr}
 * @param ticket    WeChat's ticket
 * @param url       the text the QR code holds; render it as a QR image, or use {@code imageUrl}
 * @param imageUrl  a ready-made image of the code ({@code showqrcode}, or a dev page in dev mode)
 * @param expiresAt after this, scanning does nothing
 */
public record BindingQr(String scene, String ticket, String url, String imageUrl, Instant expiresAt) {
}
