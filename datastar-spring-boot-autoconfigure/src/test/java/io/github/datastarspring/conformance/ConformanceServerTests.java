package io.github.datastarspring.conformance;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.springframework.context.ConfigurableApplicationContext;

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
				SseComparison.assertEquivalent(c.expected(), response.body());
			}))
			.onClose(server::close);
	}

	private static HttpRequest request(String url, ConformanceCases.Case c) {
		HttpRequest.Builder request = HttpRequest.newBuilder().header("Datastar-Request", "true");
		if (c.method().equals("GET")) {
			return request.uri(URI.create(url + "?datastar=" + URLEncoder.encode(c.input(), StandardCharsets.UTF_8)))
				.GET()
				.build();
		}
		return request.uri(URI.create(url))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(c.input()))
			.build();
	}

}
