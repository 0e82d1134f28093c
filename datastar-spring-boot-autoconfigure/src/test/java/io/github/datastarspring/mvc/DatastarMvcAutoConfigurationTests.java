package io.github.datastarspring.mvc;

import java.util.List;

import io.github.datastarspring.DatastarAutoConfiguration;
import io.github.datastarspring.DatastarErrorsProperties;
import io.github.datastarspring.DatastarSignalsProperties;
import io.github.datastarspring.core.DatastarEventEncoder;
import io.github.datastarspring.core.DatastarSignalsReader;
import io.github.datastarspring.core.ElementPatchMode;
import io.github.datastarspring.core.internal.StreamSupport;
import io.github.datastarspring.errors.DatastarErrorAnswers;
import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.web.method.support.HandlerMethodReturnValueHandler;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

import static org.assertj.core.api.Assertions.assertThat;

class DatastarMvcAutoConfigurationTests {

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(JacksonAutoConfiguration.class,
			DatastarAutoConfiguration.class, WebMvcAutoConfiguration.class, DatastarMvcAutoConfiguration.class);

	@Test
	void activeInServletApplications() {
		new WebApplicationContextRunner().withConfiguration(CONFIGURATIONS).run((context) -> {
			assertThat(context).hasSingleBean(StreamSupport.class)
				.hasSingleBean(DatastarSignalsHandlerMethodArgumentResolver.class)
				.hasSingleBean(DatastarHandlerExceptionResolver.class)
				.hasSingleBean(DatastarWebMvcConfigurer.class);
			List<HandlerMethodReturnValueHandler> handlers = context.getBean(RequestMappingHandlerAdapter.class)
				.getReturnValueHandlers();
			// Ahead of @ResponseBody handling, so that @RestControllers can return Datastar types.
			assertThat(handlers.get(0)).isInstanceOf(DatastarEmitterReturnValueHandler.class);
			assertThat(handlers.get(1)).isInstanceOf(DatastarResponseReturnValueHandler.class);
			assertThat(context.getBean(RequestMappingHandlerAdapter.class).getArgumentResolvers())
				.hasAtLeastOneElementOfType(DatastarSignalsHandlerMethodArgumentResolver.class)
				.hasAtLeastOneElementOfType(DatastarRequestHandlerMethodArgumentResolver.class);
		});
	}

	@Test
	void signalsLimitComesFromTheProperty() {
		new WebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues("datastar.signals.max-size=10KB")
			.run((context) -> assertThat(context.getBean(DatastarSignalsProperties.class).maxSize().toBytes())
				.isEqualTo(10240));
	}

	@Test
	void tomcatKeepsNoChannelsOfClosedConnections() {
		new WebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.run((context) -> assertThat(tomcatChannelCache(context)).isEqualTo("0"));
	}

	@Test
	void tomcatsChannelCacheIsLeftAloneWhenThePropertyIsMinusOne() {
		new WebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues("datastar.sse.tomcat-channel-cache=-1")
			.run((context) -> assertThat(tomcatChannelCache(context)).isEqualTo("-2"));
	}

	/** Tomcat's {@code socket.bufferPool} of a connector customized as the application's would be. */
	@SuppressWarnings("unchecked")
	private static Object tomcatChannelCache(ApplicationContext context) {
		TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
		context.getBean("datastarTomcatCustomizer", WebServerFactoryCustomizer.class).customize(factory);
		Connector connector = new Connector();
		factory.getConnectorCustomizers().forEach((customizer) -> customizer.customize(connector));
		return connector.getProperty("socket.bufferPool");
	}

	@Test
	void absentInReactiveApplications() {
		new ReactiveWebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.run((context) -> assertThat(context).doesNotHaveBean(DatastarWebMvcConfigurer.class));
	}

	@Test
	void absentInNonWebApplications() {
		new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.run((context) -> assertThat(context).doesNotHaveBean(DatastarWebMvcConfigurer.class)
				.hasSingleBean(DatastarEventEncoder.class));
	}

	@Test
	void backsOffFromUserBeans() {
		new WebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withBean("mySupport", StreamSupport.class,
					() -> new StreamSupport(new DatastarEventEncoder(), new StreamSupport.Settings(8, null, null)))
			.withBean("myResolver", DatastarSignalsHandlerMethodArgumentResolver.class,
					() -> new DatastarSignalsHandlerMethodArgumentResolver(new DatastarSignalsReader(JsonMapper.shared(), 10)))
			.withBean("myExceptionResolver", DatastarHandlerExceptionResolver.class,
					() -> new DatastarHandlerExceptionResolver(new DatastarErrorAnswers((error) -> List.of(),
							new DatastarEventEncoder(), new DatastarErrorsProperties(true, "body", ElementPatchMode.APPEND,
									null, null, null, "Failed"), JsonMapper.shared())))
			.run((context) -> {
				assertThat(context).hasSingleBean(StreamSupport.class)
					.hasSingleBean(DatastarSignalsHandlerMethodArgumentResolver.class)
					.hasSingleBean(DatastarHandlerExceptionResolver.class);
				assertThat(context).getBean("mySupport").isSameAs(context.getBean(StreamSupport.class));
				assertThat(context).getBean("myResolver")
					.isSameAs(context.getBean(DatastarSignalsHandlerMethodArgumentResolver.class));
			});
	}

}
