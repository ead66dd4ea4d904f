/**
 * Everything WeChat, and the only module that imports WxJava (docs/architecture.md §3): template and subscribe pushes
 * through {@link cn.onething.wechat.WechatChannel}, parametric QR codes and web OAuth that bind an applicant's openid,
 * the callback endpoint, and a dev inbox when no official account is configured. Other modules call
 * {@code WechatChannel} and implement {@link cn.onething.wechat.WechatListener}; {@code internal}, {@code callback}
 * and {@code web} are private to the module. What the callback accepts is handed to listeners through the outbox,
 * written in the transaction that records the push as handled, so that nothing WeChat was told we have is lost.
 */
@ApplicationModule(displayName = "WeChat", allowedDependencies = { "shared", "outbox" })
package cn.onething.wechat;

import org.springframework.modulith.ApplicationModule;
