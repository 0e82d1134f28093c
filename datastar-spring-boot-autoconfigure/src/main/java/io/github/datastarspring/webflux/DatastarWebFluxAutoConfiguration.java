package io.github.datastarspring.webflux;

import io.github.datastarspring.DatastarAutoConfiguration;
import io.github.datastarspring.core.DatastarEventEncoder;
import io.github.datastarspring.core.DatastarSignalsReader;
import io.github.datastarspring.core.internal.StreamSupport;
import io.github.datastarspring.errors.DatastarErrorAnswers;
import reactor.netty.http.server.HttpServer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ReactiveAdapterRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;

/**
 * Datastar for WebFlux applications: controller methods return {@code Flux<DatastarEvent>},
 * {@code Mono<DatastarResponse>} or a {@link DatastarStream}, or {@code Flux<ServerSentEvent<String>>}
 * from {@link DatastarServerSentEvents}, all written with the core encoder; {@code @DatastarSignals}
 * and {@code DatastarRequest} parameters are resolved.
 */
@AutoConfiguration(after = DatastarAutoConfiguration.class,
		beforeName = "org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass({ WebFluxConfigurer.class, CodecCustomizer.class })
public final class DatastarWebFluxAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DatastarEventHttpMessageWriter datastarEventHttpMessageWriter(StreamSupport streams) {
		return new DatastarEventHttpMessageWriter(streams);
	}

	@Bean
	@ConditionalOnMissingBean
	DatastarServerSentEvents datastarServerSentEvents(DatastarEventEncoder encoder) {
		return new DatastarServerSentEvents(encoder);
	}

	/** Custom codecs come before Spring's defaults, so these writers win for their types. */
	@Bean
	CodecCustomizer datastarCodecCustomizer(DatastarEventHttpMessageWriter writer) {
		return (configurer) -> {
			configurer.customCodecs().register(writer);
			configurer.customCodecs().register(new DatastarServerSentEventHttpMessageWriter());
		};
	}

	@Bean
	@ConditionalOnMissingBean
	DatastarHandlerResultHandler datastarHandlerResultHandler(DatastarEventHttpMessageWriter writer) {
		return new DatastarHandlerResultHandler(writer, ReactiveAdapterRegistry.getSharedInstance());
	}

	@Bean
	@ConditionalOnMissingBean
	DatastarWebExceptionHandler datastarWebExceptionHandler(DatastarErrorAnswers answers) {
		return new DatastarWebExceptionHandler(answers);
	}

	@Bean
	WebFluxConfigurer datastarWebFluxConfigurer(DatastarSignalsReader signals) {
		return new WebFluxConfigurer() {

			@Override
			public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
				configurer.addCustomResolver(new DatastarSignalsHandlerMethodArgumentResolver(signals,
						ReactiveAdapterRegistry.getSharedInstance()),
						new DatastarRequestHandlerMethodArgumentResolver(), new DatastarStreamArgumentResolver());
			}

		};
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ HttpServer.class, NettyServerCustomizer.class })
	static class ReactorNettyConfiguration {

		@Bean
		NettyServerCustomizer datastarRequestTooLongCustomizer() {
			return RequestTooLongHandler::install;
		}

	}

}
