package cn.onething.village.internal;

import cn.onething.notification.Followings;
import cn.onething.village.Committee;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The follows of committees ({@code v:<township>:<committee>}), asked before each village push is sent. */
@Component
class VillageFollowings implements Followings {

	private final FollowerStore followers;

	VillageFollowings(FollowerStore followers) {
		this.followers = followers;
	}

	@Override
	public boolean keeps(String topic) {
		return topic.startsWith(Committee.FOLLOW_SCENE_PREFIX);
	}

	@Override
	public Mono<Boolean> stillFollows(String topic, String openid) {
		String[] place = topic.substring(Committee.FOLLOW_SCENE_PREFIX.length()).split(":", 2);
		return place.length == 2 ? followers.follows(openid, place[0], place[1]) : Mono.just(false);
	}
}
