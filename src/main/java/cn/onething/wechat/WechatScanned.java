package cn.onething.wechat;

/**
 * A WeChat user proved they hold an openid and asked to be bound to a scene: by scanning a binding QR code
 * (subscribe or SCAN event, docs/wechat.md §4.3) or through web OAuth started with that scene (§5).
 *
 * @param openid the user's id for this official account
 * @param scene  the scene of the QR code or OAuth link
 */
public record WechatScanned(String openid, String scene) {
}
