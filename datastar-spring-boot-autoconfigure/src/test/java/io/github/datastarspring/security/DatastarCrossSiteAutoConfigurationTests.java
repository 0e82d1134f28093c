package io.github.datastarspring.security;

import io.github.datastarspring.DatastarAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class DatastarCrossSiteAutoConfigurationTests {

	private static final AutoConfigurations DATASTAR = AutoConfigurations.of(DatastarAutoConfiguration.class,
			DatastarCrossSiteAutoConfiguration.class);

	private final WebApplicationContextRunner servlet = new WebApplicationContextRunner().withConfiguration(DATASTAR);

	@Test
	void servletApplicationsAreProtectedByDefault() {
		this.servlet.run((context) -> assertThat(context).hasSingleBean(CrossSiteRequestFilter.class)
			.hasBean("datastarCrossSiteRequestFilterRegistration"));
	}

	@Test
	void reactiveApplicationsAreProtectedByDefault() {
		new ReactiveWebApplicationContextRunner().withConfiguration(DATASTAR)
			.run((context) -> assertThat(context).hasSingleBean(CrossSiteRequestWebFilter.class));
	}

	@Test
	void aPropertyTurnsItOff() {
		this.servlet.withPropertyValues("datastar.security.cross-site.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(CrossSiteRequestFilter.class));
	}

	@Test
	void backsOffFromTheApplicationsFilter() {
		this.servlet.withUserConfiguration(OwnFilter.class)
			.run((context) -> assertThat(context).hasSingleBean(CrossSiteRequestFilter.class).hasBean("ownFilter"));
	}

	@Test
	void nonWebApplicationsGetNone() {
		new ApplicationContextRunner().withConfiguration(DATASTAR)
			.run((context) -> assertThat(context).doesNotHaveBean(CrossSiteRequestFilter.class)
				.doesNotHaveBean(CrossSiteRequestWebFilter.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnFilter {

		@Bean
		CrossSiteRequestFilter ownFilter() {
			return new CrossSiteRequestFilter(new DatastarSecurityProperties.CrossSite(true, null));
		}

	}

}
