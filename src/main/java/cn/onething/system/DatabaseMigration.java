package cn.onething.system;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Migrates the schema with Flyway over JDBC before anything reads the database; everything else talks R2DBC.
 * Flyway takes a PostgreSQL advisory lock, so several replicas starting at once migrate once (MultipleReplicasTests
 * starts two on an empty database). DatabaseSettingsCheck has made sure the database answers.
 */
@Component
class DatabaseMigration implements InitializingBean {

	private final Environment environment;

	DatabaseMigration(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void afterPropertiesSet() {
		DatabaseUrl url = DatabaseUrl.parse(environment.getRequiredProperty(DatabaseUrl.PROPERTY));
		Flyway.configure()
				.dataSource(url.jdbcUrl(), environment.getProperty("spring.r2dbc.username", url.user()),
						environment.getProperty("spring.r2dbc.password", url.password()))
				.locations("classpath:db/migration")
				.load()
				.migrate();
	}
}
