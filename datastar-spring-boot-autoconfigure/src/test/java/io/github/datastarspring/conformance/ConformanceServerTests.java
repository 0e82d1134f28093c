package io.github.datastarspring.conformance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;

import io.github.datastarspring.test.DatastarHttpRequests;
import io.github.datastarspring.test.ReceivedEvents;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.springframework.context.ConfigurableApplicationContext;

import static io.github.datastarspring.test.DatastarAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The official conformance cases against {@link ConformanceServer}, over real HTTP, per stack. */
class ConformanceServerTests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@TestFactory
	Stream<DynamicTest> mvc() {
		return run("mvc");
	}

	@TestFactory
	Stream<DynamicTest> webflux() {
		return run("webflux");
	}

	private static Stream<DynamicTest> run(String stack) {
		var cases = ConformanceCases.all();
		ConfigurableApplicationContext server = ConformanceServer.start(stack, 0);
		String url = "http://localhost:" + ConformanceServer.port(server) + "/test";
		return cases.stream()
			.map((c) -> DynamicTest.dynamicTest(stack + " " + c, () -> {
				HttpResponse<String> response = HTTP.send(request(url, c), HttpResponse.BodyHandlers.ofString());
				assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
				assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
				assertThat(ReceivedEvents.parse(response.body())).isEquivalentTo(c.expected());
			}))
			.onClose(server::close);
	}

	/** As the client sends them: GET cases in the {@code datastar} query parameter, POST cases as the body. */
	private static HttpRequest request(String url, ConformanceCases.Case c) {
		return DatastarHttpRequests.request(c.method(), URI.create(url), c.input()).build();
	}

}
