package io.github.datastarspring.compression;

import io.github.datastarspring.core.StreamCompression;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The {@link StreamCompression} both stacks ask when they open a stream or send a one-shot answer:
 * negotiated from {@code Accept-Encoding}, Brotli when brotli4j is present, else gzip;
 * {@link StreamCompression#NONE} when {@code datastar.compression.enabled=false}.
 */
@AutoConfiguration(beforeName = { "io.github.datastarspring.mvc.DatastarMvcAutoConfiguration",
		"io.github.datastarspring.webflux.DatastarWebFluxAutoConfiguration",
		"io.github.datastarspring.realtime.DatastarRealtimeAutoConfiguration" })
@EnableConfigurationProperties(DatastarCompressionProperties.class)
public final class DatastarCompressionAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	StreamCompression datastarStreamCompression(DatastarCompressionProperties properties,
			ApplicationContext context) {
		if (!properties.enabled()) {
			return StreamCompression.NONE;
		}
		return new NegotiatingStreamCompression(properties, BrotliAvailability.check(context.getClassLoader()));
	}

}
