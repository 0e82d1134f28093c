package io.github.datastarspring;

import io.github.datastarspring.core.DatastarEventEncoder;
import io.github.datastarspring.core.StreamCompression;
import io.github.datastarspring.core.StreamObserver;
import io.github.datastarspring.core.TemplateRenderer;
import io.github.datastarspring.core.internal.StreamSupport;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The protocol core, for every kind of application: the event encoder (serialising signals with
 * the application's {@link JsonMapper}), the {@code datastar.*} properties, and what the event
 * streams of both stacks share (settings, timers, writers, compression, observer, shutdown).
 */
@AutoConfiguration(afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@EnableConfigurationProperties({ DatastarClientProperties.class, DatastarSseProperties.class,
		DatastarSignalsProperties.class })
public final class DatastarAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DatastarEventEncoder datastarEventEncoder(ObjectProvider<JsonMapper> jsonMapper) {
		return new DatastarEventEncoder(jsonMapper.getIfAvailable(JsonMapper::shared));
	}

	@Bean
	@ConditionalOnMissingBean
	StreamSupport datastarStreamSupport(DatastarEventEncoder encoder, DatastarSseProperties sse,
			ObjectProvider<TemplateRenderer> templateRenderers, ObjectProvider<StreamCompression> compression,
			ObjectProvider<StreamObserver> observer) {
		return new StreamSupport(encoder, new StreamSupport.Settings(sse.sendQueueSize(), sse.heartbeat(), sse.timeout()),
				templateRenderers::getIfAvailable, () -> compression.getIfUnique(() -> StreamCompression.NONE),
				observer.getIfUnique(() -> StreamObserver.NONE));
	}

	@Bean
	OpenStreamsLifecycle datastarOpenStreamsLifecycle(StreamSupport streams) {
		return new OpenStreamsLifecycle(streams);
	}

}
