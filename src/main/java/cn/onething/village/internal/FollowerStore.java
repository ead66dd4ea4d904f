package cn.onething.village.internal;

import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The village_follower table: who follows which committee through WeChat. */
@Component
public class FollowerStore {

	/** One follower of a committee. */
	public record Follower(UUID id, String openid) {
	}

	private final DatabaseClient db;

	FollowerStore(DatabaseClient db) {
		this.db = db;
	}

	/** Follows; following again changes nothing (a scan repeated, an OAuth link opened twice). */
	public Mono<Void> follow(String openid, String township, String committee) {
		return db.sql("insert into village_follower (id, openid, township, committee) values (:id, :openid, :township, :committee) "
				+ "on conflict (openid, township, committee) do nothing")
				.bind("id", UUID.randomUUID()).bind("openid", openid).bind("township", township).bind("committee", committee)
				.then();
	}

	/** Ends the follow the token names; true if there was one. */
	public Mono<Boolean> unfollow(UUID id) {
		return db.sql("delete from village_follower where id = :id").bind("id", id).fetch().rowsUpdated().map(rows -> rows > 0);
	}

	public Mono<Boolean> follows(String openid, String township, String committee) {
		return db.sql("select 1 from village_follower where openid = :openid and township = :township and committee = :committee")
				.bind("openid", openid).bind("township", township).bind("committee", committee).fetch().first().hasElement();
	}

	public Flux<Follower> followers(String township, String committee) {
		return db.sql("select id, openid from village_follower where township = :township and committee = :committee order by followed_at")
				.bind("township", township).bind("committee", committee)
				.map(row -> new Follower(row.get("id", UUID.class), row.get("openid", String.class))).all();
	}
}
