package cn.onething.wechat.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import cn.onething.wechat.BindingQr;
import cn.onething.wechat.SendResult;
import cn.onething.wechat.SubscribePush;
import cn.onething.wechat.TemplatePush;
import me.chanjar.weixin.common.api.WxConsts;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.bean.result.WxMpQrCodeTicket;
import me.chanjar.weixin.mp.bean.subscribe.WxMpSubscribeMessage;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateData;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateMessage;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/** The official account, reached through WxJava: stable tokens, no WxJava retries, every call on one scheduler. */
public final class WxJavaGateway implements Gateway, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(WxJavaGateway.class);

	private final WxMpService wx;
	private final WechatHttpClient http;
	private final Scheduler scheduler;

	public WxJavaGateway(WechatProperties properties) {
		this.http = new WechatHttpClient(properties);
		this.wx = new WxMpServiceImpl();
		wx.setWxMpConfigStorage(account(properties, http));
		// §7.3: WxJava would otherwise retry -1 five times, sleeping 31 s on our thread. The outbox owns retries
		// (docs/architecture.md §6): one HTTP attempt per send, its outcome reported as a SendResult.
		wx.setMaxRetryTimes(0);
		// Every WxJava call blocks its thread: network I/O, up to 3 s waiting for the token lock (§7.5). So none may
		// run on a Netty event loop. Bounded: at most onething.wechat.concurrency calls at once (as many as the HTTP
		// client has connections), so a slow WeChat cannot grow threads without end; behind them a bounded queue,
		// beyond which a send fails at once as temporary instead of piling up while the outbox's lease runs out.
		this.scheduler = Schedulers.newBoundedElastic(properties.concurrency(), properties.queueCapacity(), "wechat");
	}

	private static WxMpDefaultConfigImpl account(WechatProperties properties, WechatHttpClient http) {
		WxMpDefaultConfigImpl account = new WxMpDefaultConfigImpl();
		account.setAppId(properties.appId());
		account.setSecret(properties.secret());
		// Stable tokens (§1.2, §7.2) instead of a token table shared by the replicas: while a stable token is valid,
		// WeChat hands every caller the same one, so each replica may fetch and cache it in memory on its own
		// without invalidating another's; near its end a new one is issued while the old one stays valid until it
		// expires, and WxJava refetches 200 s early (§7.4). A table would add a lock and a round trip to every
		// send to solve a problem stable_token does not have. The quota (10,000 a minute) is far away.
		account.setUseStableAccessToken(true);
		account.setHostConfig(WxMpHostConfig.builder()
				.apiHost(properties.apiHost())
				.mpHost(properties.mpHost())
				.openHost(properties.openHost())
				.build());
		account.setApacheHttpClientBuilder(http);
		return account;
	}

	/**
	 * Fetches the access token once, before the replica takes traffic, so that an app id or secret WeChat refuses
	 * stops start-up with one line naming the setting: a rollout with a wrong secret then stops, and the old replicas
	 * keep serving (maxUnavailable 0). WeChat out of reach says nothing about the settings: logged, and sends retry
	 * later. Blocks: called once on the main thread during start-up, never on a request thread.
	 */
	void checkCredentials() {
		try {
			wx.getAccessToken();
		}
		catch (WxErrorException refused) {
			CredentialsRefused.of(refused.getError()).ifPresentOrElse(setting -> {
				throw setting;
			}, () -> log.warn("WeChat did not issue an access token at start-up ({}); sends will try again",
					refused.getError().getErrorCode()));
		}
		catch (RuntimeException unreachable) {
			log.warn("WeChat could not be reached at start-up to check the app id and secret: {}", unreachable.toString());
		}
	}

	@Override
	public Mono<SendResult> sendTemplate(TemplatePush push) {
		List<WxMpTemplateData> data = push.data().entrySet().stream()
				.map(entry -> new WxMpTemplateData(entry.getKey(), entry.getValue()))
				.toList();
		// The builder's data() keeps our values as they are; WxJava's addData() would cut them again by rules of
		// its own (§3.3), and the dev inbox shows ours.
		WxMpTemplateMessage message = WxMpTemplateMessage.builder()
				.toUser(push.openid())
				.templateId(push.templateId())
				.url(push.url())
				.clientMsgId(push.clientMsgId())
				.data(data)
				.build();
		return send(() -> wx.getTemplateMsgService().sendTemplateMsg(message));
	}

	@Override
	public Mono<SendResult> sendSubscribe(SubscribePush push) {
		// dataMap gives typed keys; without it WxJava sends data.content (§7.6).
		WxMpSubscribeMessage message = WxMpSubscribeMessage.builder()
				.toUser(push.openid())
				.templateId(push.templateId())
				.page(push.page())
				.dataMap(push.data())
				.build();
		return send(() -> wx.getSubscribeMsgService().send(message));
	}

	@Override
	public Mono<BindingQr> createQr(String scene, Duration expiry) {
		int seconds = Math.toIntExact(expiry.toSeconds());
		return blocking(() -> {
			WxMpQrCodeTicket ticket = wx.getQrcodeService().qrCodeCreateTmpTicket(scene, seconds);
			int lifetime = ticket.getExpireSeconds() > 0 ? ticket.getExpireSeconds() : seconds;
			return new BindingQr(scene, ticket.getTicket(), ticket.getUrl(),
					wx.getQrcodeService().qrCodePictureUrl(ticket.getTicket()), Instant.now().plusSeconds(lifetime));
		}).onErrorMap(SendOutcomes::exception);
	}

	/** Builds a string only; nothing to block on. */
	@Override
	public String authorizeUrl(String redirectUri, String state) {
		return wx.getOAuth2Service().buildAuthorizationUrl(redirectUri, WxConsts.OAuth2Scope.SNSAPI_BASE, state);
	}

	@Override
	public Mono<String> openidForCode(String code) {
		return blocking(() -> wx.getOAuth2Service().getAccessToken(code).getOpenId())
				.onErrorMap(SendOutcomes::exception);
	}

	private Mono<SendResult> send(Callable<String> call) {
		return blocking(call)
				.<SendResult>map(SendResult.Sent::new)
				.onErrorResume(failure -> Mono.just(SendOutcomes.of(failure)));
	}

	/** The one way into WxJava: on the bounded "wechat" scheduler. */
	private <T> Mono<T> blocking(Callable<T> call) {
		return Mono.fromCallable(call).subscribeOn(scheduler);
	}

	@Override
	public void destroy() {
		scheduler.dispose();
		http.close();
	}
}
