package io.github.datastarspring.security;

import io.github.datastarspring.DatastarAutoConfiguration;
import io.github.datastarspring.DatastarSignalsProperties;
import io.github.datastarspring.core.DatastarEventEncoder;
import io.github.datastarspring.realtime.DatastarUsers;
import io.github.datastarspring.realtime.DatastarUsersAutoConfiguration;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.server.authentication.logout.ServerLogoutHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Spring Security for Datastar applications, when Spring Security is on the classpath. On
 * Spring MVC, every {@code HttpSecurity} (Boot's default chain and the application's own) gets:
 * a login answer the client acts on for Datastar requests ({@link DatastarAuthenticationEntryPoint}),
 * a visible access-denied patch ({@link DatastarAccessDeniedHandler}), and the CSRF token read
 * from the signals too ({@link DatastarCsrfTokenRequestHandler}). On WebFlux, every
 * {@code ServerHttpSecurity} gets the same three, and logout ends the session's streams. Each piece backs off when the application defines its own bean, and the
 * whole customizer when it defines a bean named {@code datastarHttpSecurityCustomizer}
 * ({@code datastarServerHttpSecurityCustomizer} on WebFlux).
 */
@AutoConfiguration(after = { DatastarAutoConfiguration.class, DatastarUsersAutoConfiguration.class },
		beforeName = { "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
				"org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration" })
@ConditionalOnClass(Customizer.class)
@EnableConfigurationProperties(DatastarSecurityProperties.class)
public final class DatastarSecurityAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass({ HttpSecurity.class, CsrfFilter.class })
	static class ServletConfiguration {

		@Bean
		@ConditionalOnMissingBean
		DatastarAuthenticationEntryPoint datastarAuthenticationEntryPoint(DatastarEventEncoder encoder,
				DatastarSecurityProperties properties) {
			return new DatastarAuthenticationEntryPoint(encoder, properties);
		}

		@Bean
		@ConditionalOnMissingBean
		DatastarAccessDeniedHandler datastarAccessDeniedHandler(DatastarEventEncoder encoder,
				DatastarSecurityProperties properties) {
			return new DatastarAccessDeniedHandler(encoder, properties);
		}

		@Bean
		@ConditionalOnMissingBean
		DatastarCsrfTokenRequestHandler datastarCsrfTokenRequestHandler(DatastarSecurityProperties properties,
				ObjectProvider<JsonMapper> json) {
			return new DatastarCsrfTokenRequestHandler(properties.csrf().signal(), json.getIfAvailable(JsonMapper::shared));
		}

		@Bean
		@ConditionalOnMissingBean(name = "datastarHttpSecurityCustomizer")
		Customizer<HttpSecurity> datastarHttpSecurityCustomizer(DatastarAuthenticationEntryPoint entryPoint,
				DatastarAccessDeniedHandler accessDenied, DatastarCsrfTokenRequestHandler csrf,
				DatastarSignalsProperties signals) {
			RequestMatcher datastar = ServletAnswers::isDatastarRequest;
			long maxBytes = signals.maxSize().toBytes();
			// Applied when each HttpSecurity is created, before the application configures it: what
			// the application sets explicitly wins, and these stay the defaults for Datastar requests.
			return (http) -> {
				try {
					// Refusals by the CSRF filter go through the access-denied handler (which answers
					// other requests as Spring Security's default would); refusals further down the
					// chain are caught for Datastar requests by a filter next to the exception
					// translation.
					http.exceptionHandling((exceptions) -> exceptions.defaultAccessDeniedHandlerFor(accessDenied, datastar));
					http.addFilterAfter(new DatastarSecurityExceptionFilter(entryPoint, accessDenied),
							ExceptionTranslationFilter.class);
					http.csrf((c) -> c.csrfTokenRequestHandler(csrf));
					http.addFilterBefore(new SignalsBodyCachingFilter(maxBytes), CsrfFilter.class);
				}
				catch (Exception ex) {
					throw new IllegalStateException("Could not configure Spring Security for Datastar", ex);
				}
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnClass(ServerHttpSecurity.class)
	@ConditionalOnBean(DatastarUsers.class)
	static class ReactiveConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "datastarServerHttpSecurityCustomizer")
		Customizer<ServerHttpSecurity> datastarServerHttpSecurityCustomizer(DatastarUsers users,
				DatastarEventEncoder encoder, DatastarSecurityProperties properties, DatastarSignalsProperties signals,
				ObjectProvider<JsonMapper> json) {
			ReactiveDatastarSecurity security = new ReactiveDatastarSecurity(encoder, properties,
					json.getIfAvailable(JsonMapper::shared), signals.maxSize().toBytes());
			ServerLogoutHandler endStreams = (exchange, authentication) -> exchange.getExchange()
				.getSession()
				.doOnNext((session) -> users.endSession(session.getId()))
				.then(Mono.empty());
			return (http) -> http.logout((logout) -> logout.logoutHandler((handlers) -> handlers.add(0, endStreams)))
				.csrf((csrf) -> csrf.csrfTokenRequestHandler(security.csrfTokens())
					.accessDeniedHandler(security.csrfRefusals()))
				.addFilterBefore(security.bodyCaching(), SecurityWebFiltersOrder.CSRF)
				.addFilterAfter(security.refusals(), SecurityWebFiltersOrder.EXCEPTION_TRANSLATION);
		}

	}

}
