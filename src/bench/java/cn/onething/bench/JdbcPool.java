package cn.onething.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** A HikariCP pool on a benchmark's database, for the libraries that race our code over JDBC. */
final class JdbcPool {

	private JdbcPool() {
	}

	static HikariDataSource on(BenchDatabase database, int size) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(database.jdbcUrl());
		config.setUsername(database.user());
		config.setPassword(database.password());
		config.setMaximumPoolSize(size);
		return new HikariDataSource(config);
	}
}
