package io.github.datastarspring.webflux;

import io.github.datastarspring.DatastarAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.config.WebFluxConfigurer;

import static org.assertj.core.api.Assertions.assertThat;

class DatastarWebFluxAutoConfigurationTests {

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(JacksonAutoConfiguration.class,
			CodecsAutoConfiguration.class, DatastarAutoConfiguration.class, DatastarWebFluxAutoConfiguration.class,
			WebFluxAutoConfiguration.class);

	@Test
	void reactiveApplicationGetsTheWebFluxStack() {
		new ReactiveWebApplicationContextRunner().withConfiguration(CONFIGURATIONS).run(context -> {
			assertThat(context).hasSingleBean(DatastarEventHttpMessageWriter.class)
				.hasSingleBean(DatastarServerSentEvents.class)
				.hasSingleBean(DatastarHandlerResultHandler.class)
				.hasSingleBean(DatastarWebExceptionHandler.class);
			// The writers are registered as custom codecs, ahead of Spring's own SSE writer.
			ServerCodecConfigurer codecs = context.getBean(ServerCodecConfigurer.class);
			assertThat(codecs.getWriters()).first().isInstanceOf(DatastarEventHttpMessageWriter.class);
			assertThat(codecs.getWriters().get(1)).isInstanceOf(DatastarServerSentEventHttpMessageWriter.class);
		});
	}

	@Test
	void servletApplicationDoesNot() {
		new WebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.run(context -> assertThat(context).doesNotHaveBean(DatastarEventHttpMessageWriter.class)
				.doesNotHaveBean(DatastarHandlerResultHandler.class));
	}

	@Test
	void nonWebApplicationDoesNot() {
		new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.run(context -> assertThat(context).doesNotHaveBean(DatastarEventHttpMessageWriter.class)
				.doesNotHaveBean(DatastarServerSentEvents.class));
	}

	@Test
	void backsOffWithoutWebFluxOnTheClasspath() {
		new ReactiveWebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withClassLoader(new FilteredClassLoader(WebFluxConfigurer.class, CodecCustomizer.class))
			.run(context -> assertThat(context).doesNotHaveBean(DatastarEventHttpMessageWriter.class));
	}

	@Test
	void backsOffFromUserBeans() {
		DatastarServerSentEvents mine = new DatastarServerSentEvents(new io.github.datastarspring.core.DatastarEventEncoder());
		new ReactiveWebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withBean(DatastarServerSentEvents.class, () -> mine)
			.run(context -> assertThat(context.getBean(DatastarServerSentEvents.class)).isSameAs(mine));
	}

}
