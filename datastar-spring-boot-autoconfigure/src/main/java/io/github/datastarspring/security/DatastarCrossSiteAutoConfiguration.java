package io.github.datastarspring.security;

import io.github.datastarspring.DatastarAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Cross-site request protection, with or without Spring Security, on by default: state-changing
 * requests that a browser sends on behalf of another site are refused before any handler (or
 * actuator endpoint) runs. {@code datastar.security.cross-site.enabled=false} turns it off.
 */
@AutoConfiguration(after = DatastarAutoConfiguration.class)
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty(name = "datastar.security.cross-site.enabled", matchIfMissing = true)
@EnableConfigurationProperties(DatastarSecurityProperties.class)
public final class DatastarCrossSiteAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	static class ServletConfiguration {

		@Bean
		@ConditionalOnMissingBean
		CrossSiteRequestFilter datastarCrossSiteRequestFilter(DatastarSecurityProperties properties) {
			return new CrossSiteRequestFilter(properties.crossSite());
		}

		@Bean
		@ConditionalOnMissingBean(name = "datastarCrossSiteRequestFilterRegistration")
		FilterRegistrationBean<CrossSiteRequestFilter> datastarCrossSiteRequestFilterRegistration(
				CrossSiteRequestFilter filter) {
			FilterRegistrationBean<CrossSiteRequestFilter> registration = new FilterRegistrationBean<>(filter);
			// Before Spring Security's chain and every other filter: a refused request does nothing.
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			return registration;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	static class ReactiveConfiguration {

		@Bean
		@ConditionalOnMissingBean
		CrossSiteRequestWebFilter datastarCrossSiteRequestWebFilter(DatastarSecurityProperties properties) {
			return new CrossSiteRequestWebFilter(properties.crossSite());
		}

	}

}
