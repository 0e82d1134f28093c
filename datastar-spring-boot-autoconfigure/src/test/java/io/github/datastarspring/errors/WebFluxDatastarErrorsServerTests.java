package io.github.datastarspring.errors;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link AbstractDatastarErrorsServerTests} on WebFlux and Netty. */
@SpringBootTest(classes = ErrorsTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.main.web-application-type=reactive")
class WebFluxDatastarErrorsServerTests extends AbstractDatastarErrorsServerTests {

	@Override
	void assertMalformedEscapeExplained(String rawResponse) {
		assertThat(rawResponse).contains("content-length: 0");
	}

}
