package io.github.datastarspring;

import io.github.datastarspring.core.DatastarEventEncoder;
import io.github.datastarspring.core.DatastarSignalsReader;
import io.github.datastarspring.core.StreamCompression;
import io.github.datastarspring.core.StreamObserver;
import io.github.datastarspring.core.TemplateRenderer;
import io.github.datastarspring.core.internal.StreamSupport;
import io.github.datastarspring.errors.DatastarErrorAnswers;
import io.github.datastarspring.errors.DatastarErrorRenderer;
import io.github.datastarspring.errors.DefaultDatastarErrorRenderer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;
import org.springframework.web.ErrorResponse;

/**
 * The protocol core, for every kind of application: the event encoder (serialising signals with
 * the application's {@link JsonMapper}), the signals pipeline, the {@code datastar.*} properties,
 * what the event streams of both stacks share (settings, timers, writers, compression, observer,
 * shutdown) and, in web applications, the errors the user sees.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@EnableConfigurationProperties({ DatastarClientProperties.class, DatastarSseProperties.class,
		DatastarSignalsProperties.class, DatastarErrorsProperties.class })
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

	@Bean
	@ConditionalOnMissingBean
	DatastarSignalsReader datastarSignalsReader(ObjectProvider<JsonMapper> jsonMapper,
			DatastarSignalsProperties properties) {
		return new DatastarSignalsReader(jsonMapper.getIfAvailable(JsonMapper::shared), properties.maxSize().toBytes());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication
	@ConditionalOnClass(ErrorResponse.class)
	static class ErrorsConfiguration {

		/** DevTools is on the classpath in development only (Boot leaves it out of packaged applications). */
		private static final boolean DEVTOOLS_PRESENT = ClassUtils.isPresent(
				"org.springframework.boot.devtools.restart.Restarter", ErrorsConfiguration.class.getClassLoader());

		@Bean
		@ConditionalOnMissingBean
		DatastarErrorRenderer datastarErrorRenderer(DatastarErrorsProperties properties,
				ObjectProvider<TemplateRenderer> templates) {
			boolean console = (properties.console() != null) ? properties.console() : DEVTOOLS_PRESENT;
			return new DefaultDatastarErrorRenderer(properties, console, templates::getIfAvailable);
		}

		@Bean
		@ConditionalOnMissingBean
		DatastarErrorAnswers datastarErrorAnswers(DatastarErrorRenderer renderer, DatastarEventEncoder encoder,
				DatastarErrorsProperties properties, ObjectProvider<JsonMapper> jsonMapper) {
			return new DatastarErrorAnswers(renderer, encoder, properties, jsonMapper.getIfAvailable(JsonMapper::shared));
		}

	}

}
