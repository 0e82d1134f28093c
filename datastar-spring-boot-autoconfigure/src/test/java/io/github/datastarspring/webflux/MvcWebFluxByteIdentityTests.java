package io.github.datastarspring.webflux;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.datastarspring.core.DatastarEvent;
import io.github.datastarspring.core.DatastarEventEncoder;
import io.github.datastarspring.core.DatastarResponse;
import io.github.datastarspring.mvc.DatastarEmitter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same events through the MVC stack (Tomcat) and every WebFlux shape (Netty), both real
 * servers on random ports: identical bodies, byte for byte, and identical stream headers.
 */
class MvcWebFluxByteIdentityTests {

	static ConfigurableApplicationContext mvc;

	static ConfigurableApplicationContext webflux;

	final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@BeforeAll
	static void startServers() {
		String[] properties = { "server.port=0", "datastar.sse.heartbeat=0" };
		mvc = new SpringApplicationBuilder(MvcApplication.class).web(WebApplicationType.SERVLET).properties(properties).run();
		webflux = new SpringApplicationBuilder(WebFluxTestApplication.class).web(WebApplicationType.REACTIVE)
			.properties(properties).run();
	}

	@AfterAll
	static void stopServers() {
		mvc.close();
		webflux.close();
	}

	HttpResponse<byte[]> get(ConfigurableApplicationContext server, String path) throws Exception {
		return get(server, path, true);
	}

	HttpResponse<byte[]> get(ConfigurableApplicationContext server, String path, boolean datastar) throws Exception {
		int port = ((WebServerApplicationContext) server).getWebServer().getPort();
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(10))
			.header("Accept", "text/event-stream, text/html, application/json");
		if (datastar) {
			request.header("Datastar-Request", "true");
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	@Test
	void webFluxWritesTheBytesAndHeadersOfMvc() throws Exception {
		HttpResponse<byte[]> reference = get(mvc, "/emitter");
		assertThat(get(mvc, "/response").body()).isEqualTo(reference.body());
		assertThat(get(mvc, "/list").body()).isEqualTo(reference.body());
		assertThat(reference.body()).isNotEmpty();
		for (String path : List.of("/stream-all", "/flux", "/response", "/list", "/entity", "/functional", "/sse")) {
			HttpResponse<byte[]> response = get(webflux, path);
			assertThat(response.body()).as(path).isEqualTo(reference.body());
			for (String header : List.of("Content-Type", "Cache-Control", "Connection", "X-Accel-Buffering")) {
				assertThat(response.headers().allValues(header)).as(path + " " + header)
					.isEqualTo(reference.headers().allValues(header));
			}
		}
	}

	@Test
	void bothStacksWriteTheCoreEncodersBytes() throws Exception {
		DatastarEventEncoder encoder = webflux.getBean(DatastarEventEncoder.class);
		StringBuilder expected = new StringBuilder();
		for (DatastarEvent e : WebFluxTestApplication.sampleEvents()) {
			expected.append(encoder.encodeToString(e));
		}
		assertThat(new String(get(mvc, "/emitter").body(), java.nio.charset.StandardCharsets.UTF_8))
			.isEqualTo(expected.toString());
	}

	@Test
	void signalsErrorsAreTheSameOnBothStacks() throws Exception {
		for (String query : List.of("", "?datastar=%7Bnope", "?datastar=%7B%22name%22%3A%22a%22%2C%22age%22%3A%22x%22%7D",
				"?datastar=%7B%22name%22%3A%22%FF%22%7D")) {
			HttpResponse<byte[]> a = get(mvc, "/signals" + query, false);
			HttpResponse<byte[]> b = get(webflux, "/signals" + query, false);
			assertThat(b.statusCode()).as(query).isEqualTo(a.statusCode()).isEqualTo(400);
			assertThat(detail(b)).as(query).isEqualTo(detail(a));
			// A Datastar request: the same toast, byte for byte.
			HttpResponse<byte[]> toastA = get(mvc, "/signals" + query);
			HttpResponse<byte[]> toastB = get(webflux, "/signals" + query);
			assertThat(toastB.statusCode()).as(query).isEqualTo(toastA.statusCode()).isEqualTo(200);
			assertThat(toastB.headers().firstValue("Datastar-Error-Status")).as(query).hasValue("400");
			assertThat(toastA.headers().firstValue("Datastar-Error-Status")).as(query).hasValue("400");
			assertThat(new String(toastB.body(), StandardCharsets.UTF_8)).as(query)
				.isEqualTo(new String(toastA.body(), StandardCharsets.UTF_8))
				.startsWith("event: datastar-patch-elements\n");
		}
	}

	private static String detail(HttpResponse<byte[]> response) {
		Map<?, ?> body = tools.jackson.databind.json.JsonMapper.shared().readValue(response.body(), Map.class);
		return body.get("detail") + " " + body.get("signal");
	}

	@Test
	void springsOwnServerSentEventFormatWouldNotBeIdentical() {
		// Why DatastarServerSentEventHttpMessageWriter exists: Spring writes id first and no space.
		DatastarEventEncoder encoder = webflux.getBean(DatastarEventEncoder.class);
		ServerSentEvent<String> sse = new DatastarServerSentEvents(encoder).of(WebFluxTestApplication.sampleEvents().get(0));
		assertThat(sse.format()).startsWith("id:1\nevent:datastar-patch-elements\n");
		assertThat(encoder.encodeToString(WebFluxTestApplication.sampleEvents().get(0)))
			.startsWith("event: datastar-patch-elements\nid: 1\nretry: 2000\n");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(MvcController.class)
	static class MvcApplication {

	}

	/** The same controller logic on Spring MVC. */
	@RestController
	static class MvcController {

		@GetMapping("/emitter")
		DatastarEmitter emitter() {
			DatastarEmitter emitter = new DatastarEmitter();
			WebFluxTestApplication.sampleEvents().forEach(emitter::send);
			emitter.complete();
			return emitter;
		}

		@GetMapping("/response")
		DatastarResponse response() {
			return DatastarResponse.of(WebFluxTestApplication.sampleEvents());
		}

		@GetMapping("/list")
		List<DatastarEvent> list() {
			return WebFluxTestApplication.sampleEvents();
		}

		@GetMapping("/signals")
		String signals(@io.github.datastarspring.DatastarSignals WebFluxTestApplication.Person person) {
			return person.name();
		}

	}

}
