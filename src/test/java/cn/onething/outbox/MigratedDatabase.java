package cn.onething.outbox;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import cn.onething.system.TestDatabase;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.flywaydb.core.Flyway;

/** A new database from TestDatabase with the application's migrations applied, for code wired without Spring. */
public record MigratedDatabase(String r2dbcUrl, String user, String password) {

	public static MigratedDatabase create() {
		Map<String, Supplier<Object>> settings = new HashMap<>();
		TestDatabase.registerFresh(settings::put);
		MigratedDatabase database = new MigratedDatabase((String) settings.get("spring.r2dbc.url").get(),
				(String) settings.get("spring.r2dbc.username").get(), (String) settings.get("spring.r2dbc.password").get());
		Flyway.configure().dataSource("jdbc:" + database.r2dbcUrl().substring("r2dbc:".length()), database.user(), database.password())
				.locations("classpath:db/migration").load().migrate();
		return database;
	}

	/** A pool like the one Spring Boot configures, so LISTEN has to unwrap it as in the application. */
	public ConnectionPool pool(int maxSize) {
		ConnectionFactoryOptions options = ConnectionFactoryOptions.parse(r2dbcUrl).mutate()
				.option(ConnectionFactoryOptions.USER, user).option(ConnectionFactoryOptions.PASSWORD, password).build();
		return new ConnectionPool(ConnectionPoolConfiguration.builder(ConnectionFactories.get(options)).maxSize(maxSize).build());
	}
}
