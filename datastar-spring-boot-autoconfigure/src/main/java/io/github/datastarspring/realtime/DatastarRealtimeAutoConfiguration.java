package io.github.datastarspring.realtime;

import io.github.datastarspring.DatastarAutoConfiguration;
import io.github.datastarspring.DatastarSseProperties;
import io.github.datastarspring.core.DatastarEventEncoder;
import io.github.datastarspring.core.DatastarEvents;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The real-time hub for web applications of either stack: a {@link DatastarBroadcaster} over a
 * {@link DatastarEventLog} (in-memory unless one is defined, for example by
 * {@code datastar.realtime.log=postgres}), with Micrometer meters when Micrometer is present.
 */
@AutoConfiguration(after = DatastarAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnWebApplication
@EnableConfigurationProperties(DatastarRealtimeProperties.class)
public class DatastarRealtimeAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DatastarEventLog datastarEventLog(DatastarRealtimeProperties properties) {
		if (!"memory".equals(properties.log())) {
			// Asked for a shared log that could not be set up: one instance silently alone is worse.
			throw new IllegalStateException("datastar.realtime.log=" + properties.log()
					+ ": only 'memory' and 'postgres' exist, and 'postgres' needs the PostgreSQL driver "
					+ "(org.postgresql:postgresql), Spring JDBC (spring-boot-starter-jdbc) and a DataSource");
		}
		return new InMemoryDatastarEventLog(properties.replayBufferSize(), properties.replayBufferBytes().toBytes());
	}

	@Bean
	@ConditionalOnMissingBean(DatastarBroadcaster.class)
	InMemoryDatastarBroadcaster datastarBroadcaster(DatastarEventEncoder encoder, DatastarEventLog eventLog,
			DatastarRealtimeProperties properties, DatastarSseProperties sse,
			ObjectProvider<DatastarBroadcastObserver> observer) {
		InMemoryDatastarBroadcaster.Builder builder = InMemoryDatastarBroadcaster.builder(encoder)
			.eventLog(eventLog)
			.heartbeat(sse.heartbeat())
			.replayBufferSize(properties.replayBufferSize())
			.overflowPolicy(properties.overflow())
			.topicRetention(properties.topicRetention())
			.observer(observer.getIfUnique(() -> DatastarBroadcastObserver.NONE));
		for (String pattern : properties.coalesce().topics()) {
			builder.coalesce(pattern, properties.coalesce().window());
		}
		String script = properties.shutdown().script();
		if (script != null && !script.isBlank()) {
			builder.finalEvent(DatastarEvents.executeScript(script));
		}
		return builder.build();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(MeterRegistry.class)
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		DatastarBroadcasterMetrics datastarBroadcasterMetrics() {
			return new DatastarBroadcasterMetrics();
		}

	}

}
