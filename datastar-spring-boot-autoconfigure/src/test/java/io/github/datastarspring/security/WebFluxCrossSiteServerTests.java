package io.github.datastarspring.security;

import org.springframework.boot.test.context.SpringBootTest;

/** The same application and checks as {@link MvcCrossSiteServerTests}, on Netty. */
@SpringBootTest(classes = MvcCrossSiteServerTests.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.main.web-application-type=reactive")
class WebFluxCrossSiteServerTests extends AbstractCrossSiteServerTests {

}
