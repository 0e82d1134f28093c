package io.github.datastarspring.mvc;

import io.github.datastarspring.AbstractStreamServerTests;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stream behaviour suite on Jetty, the container docs/performance.md recommends for many MVC
 * streams, with the application of {@link MvcStreamServerTests}.
 */
@SpringBootTest(classes = MvcStreamServerTests.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "datastar.sse.heartbeat=1s", "spring.autoconfigure.exclude=" + JettyMvcStreamServerTests.NOT_TOMCAT })
class JettyMvcStreamServerTests extends AbstractStreamServerTests {

	/** Every test application here leaves Jetty out (application.properties); this one leaves Tomcat out. */
	static final String NOT_TOMCAT = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
			+ "org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration";

	@Autowired
	private WebServerApplicationContext context;

	@Test
	void runsOnJetty() {
		assertThat(this.context.getWebServer().getClass().getName()).contains("Jetty");
	}

	@Override
	protected Class<?> application() {
		return MvcStreamServerTests.App.class;
	}

	@Override
	protected String[] applicationArguments() {
		return new String[] { "--spring.autoconfigure.exclude=" + NOT_TOMCAT };
	}

	@Override
	protected String webApplicationType() {
		return "servlet";
	}

}
