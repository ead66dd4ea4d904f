package cn.onething.notification;

import reactor.core.publisher.Mono;

/**
 * Who still follows a topic that is not a case, asked before each of its pushes is sent, as a case's binding is: the
 * module that keeps such follows implements it (the village module, for its committees). Notification cannot depend
 * on that module, so it asks through this interface.
 */
public interface Followings {

	/** Whether this implementation keeps the follows of the topic (e.g. every topic starting {@code v:}). */
	boolean keeps(String topic);

	/** Whether the openid follows the topic now; false once they opted out. */
	Mono<Boolean> stillFollows(String topic, String openid);
}
