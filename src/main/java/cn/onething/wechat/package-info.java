/**
 * Everything WeChat, and the only module that imports WxJava (docs/architecture.md §3): template and subscribe pushes
 * through {@link cn.onething.wechat.WechatChannel}, parametric QR codes and web OAuth that bind an applicant's openid,
 * the callback endpoint, and a dev inbox when no official account is configured. Other modules call {@code
 * WechatChannel} and implement {@link cn.onething.wechat.WechatListener}; {@code internal}, {@code callback} and {@code
 * web} are private to the module.
 */
@ApplicationModule(displayName = "WeChat", allowedDependencies = "shared")
package cn.onething.wechat;

import org.springframework.modulith.ApplicationModule;
