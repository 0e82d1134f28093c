package io.github.datastarspring.security;

import io.github.datastarspring.DatastarAutoConfiguration;
import io.github.datastarspring.core.DatastarEventEncoder;
import io.github.datastarspring.realtime.DatastarRealtimeAutoConfiguration;
import io.github.datastarspring.realtime.DatastarUsersAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;

import static org.assertj.core.api.Assertions.assertThat;

class DatastarSecurityAutoConfigurationTests {

	private static final AutoConfigurations DATASTAR = AutoConfigurations.of(DatastarAutoConfiguration.class,
			DatastarRealtimeAutoConfiguration.class, DatastarUsersAutoConfiguration.class,
			DatastarSecurityAutoConfiguration.class);

	private final WebApplicationContextRunner servlet = new WebApplicationContextRunner().withConfiguration(DATASTAR);

	@Test
	void withSpringSecurityEveryPieceIsThere() {
		this.servlet.run((context) -> assertThat(context).hasSingleBean(DatastarAuthenticationEntryPoint.class)
			.hasSingleBean(DatastarAccessDeniedHandler.class)
			.hasSingleBean(DatastarCsrfTokenRequestHandler.class)
			.hasBean("datastarHttpSecurityCustomizer"));
	}

	@Test
	void withoutSpringSecurityNothingIsThere() {
		this.servlet.withClassLoader(new FilteredClassLoader("org.springframework.security"))
			.run((context) -> assertThat(context).doesNotHaveBean(DatastarAuthenticationEntryPoint.class)
				.doesNotHaveBean(DatastarAccessDeniedHandler.class)
				.doesNotHaveBean(DatastarCsrfTokenRequestHandler.class)
				.doesNotHaveBean("datastarHttpSecurityCustomizer"));
	}

	@Test
	void backsOffFromTheApplicationsEntryPoint() {
		this.servlet.withUserConfiguration(OwnEntryPoint.class)
			.run((context) -> assertThat(context).hasSingleBean(DatastarAuthenticationEntryPoint.class)
				.hasBean("ownEntryPoint"));
	}

	@Test
	void backsOffFromTheApplicationsAccessDeniedHandler() {
		this.servlet.withUserConfiguration(OwnAccessDeniedHandler.class)
			.run((context) -> assertThat(context).hasSingleBean(DatastarAccessDeniedHandler.class)
				.hasBean("ownAccessDeniedHandler"));
	}

	@Test
	void backsOffFromTheApplicationsCsrfHandler() {
		this.servlet.withUserConfiguration(OwnCsrfHandler.class)
			.run((context) -> assertThat(context).hasSingleBean(DatastarCsrfTokenRequestHandler.class)
				.hasBean("ownCsrfHandler"));
	}

	@Test
	void backsOffFromTheApplicationsCustomizer() {
		this.servlet.withUserConfiguration(OwnCustomizer.class)
			.run((context) -> assertThat(context.getBean("datastarHttpSecurityCustomizer"))
				.isSameAs(OwnCustomizer.CUSTOMIZER));
	}

	@Test
	void theAccessDeniedMessageIsAProperty() {
		this.servlet.withPropertyValues("datastar.security.access-denied.message=Admins only")
			.run((context) -> assertThat(context.getBean(DatastarSecurityProperties.class).accessDenied().message())
				.isEqualTo("Admins only"));
	}

	@Test
	void reactiveApplicationsGetTheLogoutCustomizer() {
		new ReactiveWebApplicationContextRunner().withConfiguration(DATASTAR)
			.run((context) -> assertThat(context).hasBean("datastarServerHttpSecurityCustomizer")
				.doesNotHaveBean(DatastarAuthenticationEntryPoint.class));
	}

	@Test
	void reactiveApplicationsWithoutSpringSecurityGetNoCustomizer() {
		new ReactiveWebApplicationContextRunner().withConfiguration(DATASTAR)
			.withClassLoader(new FilteredClassLoader("org.springframework.security"))
			.run((context) -> assertThat(context).doesNotHaveBean("datastarServerHttpSecurityCustomizer"));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnEntryPoint {

		@Bean
		DatastarAuthenticationEntryPoint ownEntryPoint(DatastarEventEncoder encoder, DatastarSecurityProperties properties) {
			return new DatastarAuthenticationEntryPoint(encoder, properties);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnAccessDeniedHandler {

		@Bean
		DatastarAccessDeniedHandler ownAccessDeniedHandler(DatastarEventEncoder encoder,
				DatastarSecurityProperties properties) {
			return new DatastarAccessDeniedHandler(encoder, properties);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnCsrfHandler {

		@Bean
		DatastarCsrfTokenRequestHandler ownCsrfHandler() {
			return new DatastarCsrfTokenRequestHandler("token", tools.jackson.databind.json.JsonMapper.shared());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnCustomizer {

		static final Customizer<HttpSecurity> CUSTOMIZER = (http) -> {
		};

		@Bean
		Customizer<HttpSecurity> datastarHttpSecurityCustomizer() {
			return CUSTOMIZER;
		}

	}

}
