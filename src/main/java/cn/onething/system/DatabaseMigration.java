package cn.onething.system;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Migrates the schema with Flyway over JDBC before anything reads the database; everything else talks R2DBC.
 * Flyway takes a PostgreSQL advisory lock, so several replicas starting at once migrate once.
 */
@Component
class DatabaseMigration implements InitializingBean {

	private final Environment environment;

	DatabaseMigration(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void afterPropertiesSet() {
		String r2dbcUrl = environment.getRequiredProperty("spring.r2dbc.url");
		Flyway.configure()
				.dataSource(jdbcUrl(r2dbcUrl), environment.getProperty("spring.r2dbc.username"),
						environment.getProperty("spring.r2dbc.password"))
				.locations("classpath:db/migration")
				.load()
				.migrate();
	}

	/** r2dbc:postgresql://host:port/db?x=y and r2dbc:pool:postgresql://... become jdbc:postgresql://host:port/db?x=y */
	static String jdbcUrl(String r2dbcUrl) {
		String rest = r2dbcUrl.replaceFirst("^r2dbc:(pool:)?", "");
		if (!rest.startsWith("postgresql://")) {
			throw new IllegalStateException("spring.r2dbc.url must be a PostgreSQL URL (r2dbc:postgresql://host:port/database), was " + r2dbcUrl);
		}
		return "jdbc:" + rest;
	}
}
