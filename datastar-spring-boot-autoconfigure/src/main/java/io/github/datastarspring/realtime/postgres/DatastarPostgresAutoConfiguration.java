package io.github.datastarspring.realtime.postgres;


import javax.sql.DataSource;

import io.github.datastarspring.realtime.DatastarEventLog;
import io.github.datastarspring.realtime.DatastarRealtimeAutoConfiguration;
import org.postgresql.PGConnection;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@link PostgresDatastarEventLog} when {@code datastar.realtime.log=postgres}, the PostgreSQL
 * driver and Spring JDBC are present and the application has a {@link DataSource}.
 */
@AutoConfiguration(before = DatastarRealtimeAutoConfiguration.class,
		afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
				"org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration" })
@ConditionalOnClass({ PGConnection.class, JdbcTemplate.class })
@ConditionalOnProperty(name = "datastar.realtime.log", havingValue = "postgres")
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(DatastarPostgresProperties.class)
public class DatastarPostgresAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(DatastarEventLog.class)
	PostgresDatastarEventLog datastarEventLog(DataSource dataSource, DatastarPostgresProperties properties,
			ObjectProvider<PlatformTransactionManager> transactionManager) {
		PostgresDatastarEventLog.Builder builder = PostgresDatastarEventLog.builder(dataSource)
			.transactionManager(transactionManager.getIfUnique())
			.initializeSchema(properties.initializeSchema())
			.pollInterval(properties.pollInterval())
			.retentionAge(properties.retention().age())
			.retentionCount(properties.retention().count())
			.retentionBytes(properties.retention().bytes().toBytes())
			.retentionInterval(properties.retention().interval());
		DatastarPostgresProperties.Listener listener = properties.listener();
		if (listener.url() != null) {
			java.util.Properties credentials = new java.util.Properties();
			if (listener.username() != null) {
				credentials.setProperty("user", listener.username());
			}
			if (listener.password() != null) {
				credentials.setProperty("password", listener.password());
			}
			builder.listenerConnections(PostgresDatastarEventLog.ListenerConnections.direct(listener.url(), credentials));
		}
		return builder.build();
	}

}
