package io.github.datastarspring;

import io.github.datastarspring.core.DatastarEventEncoder;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The protocol core, for every kind of application: the event encoder (serialising signals with
 * the application's {@link JsonMapper}) and the {@code datastar.*} properties.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@EnableConfigurationProperties({ DatastarClientProperties.class, DatastarSseProperties.class,
		DatastarSignalsProperties.class })
public class DatastarAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DatastarEventEncoder datastarEventEncoder(ObjectProvider<JsonMapper> jsonMapper) {
		return new DatastarEventEncoder(jsonMapper.getIfAvailable(JsonMapper::shared));
	}

}
