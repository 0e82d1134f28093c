package io.github.datastarspring.realtime;

import com.zaxxer.hikari.HikariDataSource;
import io.github.datastarspring.DatastarAutoConfiguration;
import io.github.datastarspring.realtime.postgres.DatastarPostgresAutoConfiguration;
import io.github.datastarspring.realtime.postgres.PostgresDatastarEventLog;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class DatastarPostgresAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				DataSourceTransactionManagerAutoConfiguration.class, DatastarAutoConfiguration.class,
				DatastarPostgresAutoConfiguration.class, DatastarRealtimeAutoConfiguration.class));

	@Test
	void logPostgresWithADataSourceSharesTopicsThroughPostgresAndCreatesTheTables() {
		this.runner.withPropertyValues("datastar.realtime.log=postgres", "datastar.realtime.postgres.initialize-schema=true",
				"spring.datasource.url=" + PostgresServer.get().createDatabase(), "spring.datasource.username=postgres")
			.run((context) -> {
				assertThat(context).hasSingleBean(PostgresDatastarEventLog.class)
					.doesNotHaveBean(InMemoryDatastarEventLog.class);
				JdbcTemplate jdbc = new JdbcTemplate(context.getBean(HikariDataSource.class));
				assertThat(jdbc.queryForObject("SELECT count(*) FROM datastar_topic", Long.class)).isZero();
			});
	}

	@Test
	void withoutTheLogPropertyTopicsStayInMemory() {
		this.runner.withPropertyValues("spring.datasource.url=jdbc:postgresql://127.0.0.1:1/none")
			.run((context) -> assertThat(context).hasSingleBean(InMemoryDatastarEventLog.class)
				.doesNotHaveBean(PostgresDatastarEventLog.class));
	}

	@Test
	void logPostgresWithoutTheDriverFailsToStartSayingWhatIsMissing() {
		this.runner.withPropertyValues("datastar.realtime.log=postgres", "spring.datasource.url=jdbc:postgresql://127.0.0.1:1/none")
			.withClassLoader(new FilteredClassLoader(PGConnection.class))
			.run((context) -> assertThat(context).getFailure().rootCause()
				.hasMessageContaining("needs the PostgreSQL driver"));
	}

	@Test
	void logPostgresWithoutADataSourceFailsToStart() {
		// Without a connection pool on the classpath, no DataSource is auto-configured.
		this.runner.withPropertyValues("datastar.realtime.log=postgres")
			.withClassLoader(new FilteredClassLoader(HikariDataSource.class))
			.run((context) -> assertThat(context).getFailure().rootCause().hasMessageContaining("a DataSource"));
	}

}
