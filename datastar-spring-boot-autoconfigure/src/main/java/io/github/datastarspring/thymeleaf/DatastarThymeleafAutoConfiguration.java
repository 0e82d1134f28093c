package io.github.datastarspring.thymeleaf;

import io.github.datastarspring.DatastarAutoConfiguration;
import io.github.datastarspring.DatastarClientProperties;
import io.github.datastarspring.core.TemplateRenderer;
import jakarta.servlet.ServletContext;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.ConversionService;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.support.RequestContext;

/**
 * Thymeleaf for Datastar in MVC and WebFlux applications: a {@link TemplateRenderer} over the
 * application's template engine (so fragments become patch-elements events, on any thread), a
 * link builder that resolves {@code @{/...}} without a request, and the {@link DatastarDialect}
 * for the client script tag.
 */
@AutoConfiguration(after = DatastarAutoConfiguration.class,
		afterName = "org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration")
@ConditionalOnClass({ ITemplateEngine.class, ThymeleafEvaluationContext.class })
@ConditionalOnWebApplication
@ConditionalOnSingleCandidate(ITemplateEngine.class)
@EnableConfigurationProperties(DatastarClientProperties.class)
public class DatastarThymeleafAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DatastarDialect datastarDialect(DatastarClientProperties client, ObjectProvider<JsonMapper> jsonMapper) {
		return new DatastarDialect(client, jsonMapper.getIfAvailable(JsonMapper::shared));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass({ ServletContext.class, RequestContext.class })
	static class WebMvcConfiguration {

		@Bean
		static ContextPathLinkBuilderPostProcessor datastarContextPathLinkBuilderPostProcessor(
				ApplicationContext applicationContext) {
			return new ContextPathLinkBuilderPostProcessor(() -> servletContextPath(applicationContext));
		}

		@Bean
		@ConditionalOnMissingBean(TemplateRenderer.class)
		WebMvcThymeleafTemplateRenderer datastarTemplateRenderer(ITemplateEngine engine,
				ApplicationContext applicationContext, ObjectProvider<ConversionService> conversionService) {
			return new WebMvcThymeleafTemplateRenderer(engine, applicationContext, conversionService.getIfUnique());
		}

		private static String servletContextPath(ApplicationContext applicationContext) {
			// The running server knows best; before it starts, the property is all there is.
			if (applicationContext instanceof WebApplicationContext web && web.getServletContext() != null) {
				return web.getServletContext().getContextPath();
			}
			return applicationContext.getEnvironment().getProperty("server.servlet.context-path");
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	static class WebFluxConfiguration {

		@Bean
		static ContextPathLinkBuilderPostProcessor datastarContextPathLinkBuilderPostProcessor(
				ApplicationContext applicationContext) {
			return new ContextPathLinkBuilderPostProcessor(
					() -> applicationContext.getEnvironment().getProperty("spring.webflux.base-path"));
		}

		@Bean
		@ConditionalOnMissingBean(TemplateRenderer.class)
		ThymeleafTemplateRenderer datastarTemplateRenderer(ITemplateEngine engine,
				ApplicationContext applicationContext, ObjectProvider<ConversionService> conversionService) {
			return new ThymeleafTemplateRenderer(engine, applicationContext, conversionService.getIfUnique());
		}

	}

}
