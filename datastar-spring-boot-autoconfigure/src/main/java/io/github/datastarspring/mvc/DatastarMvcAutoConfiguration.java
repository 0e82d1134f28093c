package io.github.datastarspring.mvc;

import java.util.List;

import io.github.datastarspring.DatastarAutoConfiguration;
import io.github.datastarspring.DatastarSseProperties;
import io.github.datastarspring.core.DatastarEventEncoder;
import io.github.datastarspring.core.DatastarSignalsReader;
import io.github.datastarspring.core.internal.StreamSupport;
import io.github.datastarspring.errors.DatastarErrorAnswers;
import org.apache.catalina.startup.Tomcat;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerExceptionResolver;
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
			DatastarSignalsReader reader) {
		return new DatastarSignalsHandlerMethodArgumentResolver(reader);
	}

	@Bean
	@ConditionalOnMissingBean
	DatastarHandlerExceptionResolver datastarHandlerExceptionResolver(DatastarErrorAnswers answers) {
		return new DatastarHandlerExceptionResolver(answers);
	}

	@Bean
	DatastarWebMvcConfigurer datastarWebMvcConfigurer(StreamSupport support, DatastarEventEncoder encoder,
			DatastarSignalsHandlerMethodArgumentResolver signalsResolver,
			DatastarHandlerExceptionResolver exceptionResolver) {
		return new DatastarWebMvcConfigurer(List.of(signalsResolver, new DatastarRequestHandlerMethodArgumentResolver(),
						new DatastarEmitterHandlerMethodArgumentResolver()),
				List.of(new DatastarEmitterReturnValueHandler(support),
						new DatastarResponseReturnValueHandler(encoder, support::compression)),
				exceptionResolver, new StreamSupportInterceptor(support));
	}

	@Bean
	static DatastarReturnValueHandlerOrdering datastarReturnValueHandlerOrdering(
			ObjectProvider<RequestMappingHandlerAdapter> adapters,
			ObjectProvider<HandlerExceptionResolver> exceptionResolvers) {
		return new DatastarReturnValueHandlerOrdering(adapters, exceptionResolvers);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ Tomcat.class, TomcatServletWebServerFactory.class })
	static class TomcatConfiguration {

		/**
		 * The error report valve (after Boot's own customizer, which adds the valve this one
		 * replaces) and the channel cache ({@code datastar.sse.tomcat-channel-cache}).
		 */
		@Bean
		WebServerFactoryCustomizer<TomcatServletWebServerFactory> datastarTomcatCustomizer(
				DatastarSseProperties sse) {
			return new OrderedTomcatCustomizer(sse.tomcatChannelCache());
		}

	}

	static final class OrderedTomcatCustomizer
			implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

		private final int channelCache;

		OrderedTomcatCustomizer(int channelCache) {
			this.channelCache = channelCache;
		}

		@Override
		public void customize(TomcatServletWebServerFactory factory) {
			factory.addContextCustomizers((context) -> DatastarErrorReportValve.install(context.getParent()));
			if (this.channelCache >= 0) {
				// A cached channel still points at the input buffer, and so at the whole request
				// processor, of the last connection it served; Tomcat only keeps 200 processors
				// itself, the channel cache pins the rest (about 60 KB each) until reused.
				String size = Integer.toString(this.channelCache);
				factory.addConnectorCustomizers((connector) -> connector.setProperty("socket.bufferPool", size));
			}
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

}
