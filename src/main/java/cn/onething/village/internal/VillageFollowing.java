package cn.onething.village.internal;

import java.util.Optional;

import cn.onething.village.Committee;
import cn.onething.village.Villages;
import cn.onething.wechat.WechatListener;
import cn.onething.wechat.WechatScanned;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Follows a committee for the WeChat user who opened its follow link (OAuth) or scanned its code: the scene is
 * {@code v:<township>:<committee>}. Committees are public, so the scene needs no signature, unlike a case's; a
 * scene naming no committee follows nothing.
 */
@Component
class VillageFollowing implements WechatListener {

	private static final Logger log = LoggerFactory.getLogger(VillageFollowing.class);

	private final Villages villages;
	private final FollowerStore followers;

	VillageFollowing(Villages villages, FollowerStore followers) {
		this.villages = villages;
		this.followers = followers;
	}

	@Override
	public Mono<Void> scanned(WechatScanned event) {
		if (!event.scene().startsWith(Committee.FOLLOW_SCENE_PREFIX)) {
			return Mono.empty();
		}
		String[] place = event.scene().substring(Committee.FOLLOW_SCENE_PREFIX.length()).split(":", 2);
		Optional<Committee> committee = place.length == 2 ? villages.places().committee(place[0], place[1]) : Optional.empty();
		if (committee.isEmpty()) {
			log.warn("follow refused: the scene {} names no committee", event.scene());
			return Mono.empty();
		}
		return followers.follow(event.openid(), committee.get().townshipId(), committee.get().id())
				.doOnSuccess(done -> log.info("a WeChat user follows {}", committee.get().path()));
	}
}
