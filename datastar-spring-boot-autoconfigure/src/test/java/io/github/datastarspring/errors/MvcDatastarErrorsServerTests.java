package io.github.datastarspring.errors;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link AbstractDatastarErrorsServerTests} on Spring MVC and Tomcat. */
@SpringBootTest(classes = ErrorsTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.main.web-application-type=servlet")
class MvcDatastarErrorsServerTests extends AbstractDatastarErrorsServerTests {

	@Override
	void assertMalformedEscapeExplained(String rawResponse) {
		assertThat(rawResponse).contains("The 'datastar' query parameter is not validly URL-encoded");
	}

}
