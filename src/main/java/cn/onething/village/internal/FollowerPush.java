package cn.onething.village.internal;

import java.util.UUID;

/** Outbox message: tell one follower of an entry. One message per follower, so a failed send retries only theirs. */
record FollowerPush(UUID entry, UUID follower, String openid) {

	static final String KIND = "village.push";
}
