package io.github.datastarspring.mvc;

import java.util.List;

import io.github.datastarspring.DatastarAutoConfiguration;
import io.github.datastarspring.DatastarSignalsProperties;
import io.github.datastarspring.core.DatastarEventEncoder;
import io.github.datastarspring.core.internal.StreamSupport;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Datastar for Spring MVC: {@link DatastarEmitter} and one-shot return values,
 * {@link io.github.datastarspring.DatastarSignals @DatastarSignals} and
 * {@link io.github.datastarspring.core.DatastarRequest} parameters, and error answers with a body.
 */
@AutoConfiguration(after = DatastarAutoConfiguration.class,
		afterName = { "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration",
				"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration" })
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
public final class DatastarMvcAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DatastarSignalsHandlerMethodArgumentResolver datastarSignalsHandlerMethodArgumentResolver(
			ObjectProvider<JsonMapper> jsonMapper, DatastarSignalsProperties properties) {
		return new DatastarSignalsHandlerMethodArgumentResolver(jsonMapper.getIfAvailable(JsonMapper::shared),
				properties.maxSize().toBytes());
	}

	@Bean
	@ConditionalOnMissingBean
	DatastarSignalsHandlerExceptionResolver datastarSignalsHandlerExceptionResolver(
			ObjectProvider<JsonMapper> jsonMapper) {
		return new DatastarSignalsHandlerExceptionResolver(jsonMapper.getIfAvailable(JsonMapper::shared));
	}

	@Bean
	DatastarWebMvcConfigurer datastarWebMvcConfigurer(StreamSupport support, DatastarEventEncoder encoder,
			DatastarSignalsHandlerMethodArgumentResolver signalsResolver,
			DatastarSignalsHandlerExceptionResolver exceptionResolver) {
		return new DatastarWebMvcConfigurer(List.of(signalsResolver, new DatastarRequestHandlerMethodArgumentResolver(),
						new DatastarEmitterHandlerMethodArgumentResolver()),
				List.of(new DatastarEmitterReturnValueHandler(support),
						new DatastarResponseReturnValueHandler(encoder, support::compression)),
				exceptionResolver, new StreamSupportInterceptor(support));
	}

	@Bean
	static DatastarReturnValueHandlerOrdering datastarReturnValueHandlerOrdering(
			ObjectProvider<RequestMappingHandlerAdapter> adapters) {
		return new DatastarReturnValueHandlerOrdering(adapters);
	}

}
