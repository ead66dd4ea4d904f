package cn.onething.rating.internal;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import cn.onething.rating.model.Channel;
import cn.onething.rating.model.Indicator;
import cn.onething.rating.model.Level;
import cn.onething.rating.model.Rating;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Ratings in rating_rating, and the counts per level that the statistics are made of. */
@Component
public class RatingStore {

	/** How many ratings of one level a department or an item has. */
	public record LevelCount(String key, Level level, long count) {
	}

	/** What the statistics are grouped by: each rating counts once for every department (item) of its case. */
	public enum Grouping {
		DEPARTMENT("department_ids"), ITEM("item_codes");

		private final String column;

		Grouping(String column) {
			this.column = column;
		}
	}

	private final DatabaseClient db;

	RatingStore(DatabaseClient db) {
		this.db = db;
	}

	/** Stores the rating unless the case has one already (a second at the same moment included); emits whether it did. */
	public Mono<Boolean> insert(Rating rating) {
		DatabaseClient.GenericExecuteSpec insert = db.sql("""
				insert into rating_rating (id, case_id, receipt_code, bundle_id, item_codes, department_ids, channel, level,
				  indicators, comment, rated_at)
				values (:id, :caseId, :receipt, :bundle, :items, :departments, :channel, :level, :indicators, :comment, :at)
				on conflict (case_id) do nothing
				""")
				.bind("id", rating.id()).bind("caseId", rating.caseId()).bind("receipt", rating.receiptCode())
				.bind("bundle", rating.bundleId()).bind("items", rating.itemCodes().toArray(String[]::new))
				.bind("departments", rating.departmentIds().toArray(String[]::new)).bind("channel", rating.channel().code())
				.bind("level", (short) rating.level().score())
				.bind("indicators", rating.indicators().stream().map(Indicator::code).toArray(String[]::new))
				.bind("at", rating.ratedAt());
		insert = rating.comment() == null ? insert.bindNull("comment", String.class) : insert.bind("comment", rating.comment());
		return insert.fetch().rowsUpdated().map(rows -> rows == 1);
	}

	public Mono<Rating> byCase(String caseId) {
		return db.sql("select * from rating_rating where case_id = :caseId").bind("caseId", caseId)
				.map(RatingStore::rating).one();
	}

	public Mono<Rating> byId(UUID id) {
		return db.sql("select * from rating_rating where id = :id").bind("id", id).map(RatingStore::rating).one();
	}

	/** Ratings per level for each department or item. */
	public Flux<LevelCount> counts(Grouping grouping) {
		return db.sql("select g.key, r.level, count(*) as n from rating_rating r, unnest(r." + grouping.column + ") as g(key)"
				+ " group by g.key, r.level")
				.map(row -> new LevelCount(row.get("key", String.class), Level.ofScore(row.get("level", Short.class)),
						row.get("n", Long.class)))
				.all();
	}

	private static Rating rating(Readable row) {
		return new Rating(row.get("id", UUID.class), row.get("case_id", String.class), row.get("receipt_code", String.class),
				row.get("bundle_id", String.class), List.of(row.get("item_codes", String[].class)),
				List.of(row.get("department_ids", String[].class)), Channel.ofCode(row.get("channel", String.class)).orElseThrow(),
				Level.ofScore(row.get("level", Short.class)),
				Arrays.stream(row.get("indicators", String[].class)).map(code -> Indicator.ofCode(code).orElseThrow()).toList(),
				row.get("comment", String.class), row.get("rated_at", OffsetDateTime.class).toInstant());
	}
}
