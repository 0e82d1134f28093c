package io.github.datastarspring.docs.mvc;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.github.datastarspring.docs.EventStreamLines;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The examples of docs/mvc.md, over HTTP on Tomcat. */
@SpringBootTest(classes = { MvcDocsTests.App.class, CounterController.class, MvcExamplesController.class },
		webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.main.web-application-type=servlet")
class MvcDocsTests {

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

	}

	@LocalServerPort
	int port;

	@Test
	void theCounterAnswersTheCallerAndEveryWatcher() throws Exception {
		try (EventStreamLines watcher = new EventStreamLines(url("/counter/stream"))) {
			await().atMost(Duration.ofSeconds(10)).until(() -> watcher.text().contains("<p id=\"status\">connected</p>"));
			HttpResponse<String> answer = send("POST", "/counter", "{\"count\":4}");
			assertThat(answer.body()).isEqualTo("event: datastar-patch-signals\ndata: signals {\"count\":5}\n\n");
			await().atMost(Duration.ofSeconds(10)).until(() -> watcher.text().contains("data: signals {\"count\":5}"));
		}
	}

	@Test
	void aNegativeCountIsRefused() throws Exception {
		HttpResponse<String> refused = send("POST", "/counter", "{\"count\":-1}");
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.headers().firstValue("Datastar-Error-Status")).hasValue("400");
		assertThat(refused.body()).contains("role=\"alert\"").contains("&#39;count&#39; must be greater than or equal to 0");
		HttpResponse<String> withoutDatastarHeader = sendWithoutDatastarHeader("POST", "/counter", "{\"count\":-1}");
		assertThat(withoutDatastarHeader.statusCode()).isEqualTo(400);
		assertThat(withoutDatastarHeader.body()).contains("'count' must be greater than or equal to 0");
	}

	@Test
	void anEmitterParameterOpensTheStreamWhenTheMethodReturns() {
		try (EventStreamLines stream = new EventStreamLines(url("/feed"))) {
			await().atMost(Duration.ofSeconds(10)).until(() -> stream.text().contains("<p id=\"feed\">following</p>"));
		}
	}

	@Test
	void oneShotAnswersAreShortStreams() throws Exception {
		assertThat(send("POST", "/save", "{\"text\":\"<b>hi</b>\"}").body()).isEqualTo("""
				event: datastar-patch-elements
				data: elements <p id="draft">&lt;b&gt;hi&lt;/b&gt;</p>

				event: datastar-patch-signals
				data: signals {"saved":true}

				""");
		assertThat(send("DELETE", "/todos/3", null).body())
			.isEqualTo("event: datastar-patch-elements\ndata: selector #todo-3\ndata: mode remove\n\n");
		assertThat(send("GET", "/list", null).body()).contains("data: elements <ul id=\"list\">")
			.contains("data: signals {\"size\":1}");
	}

	@Test
	void signalsComeFromTheQueryForGetAndTheBodyForPost() throws Exception {
		assertThat(send("GET", "/search?datastar=" + encode("{\"query\":\"milk\",\"other\":1}"), null).body())
			.contains("data: signals {\"searched\":\"milk\"}");
		assertThat(send("POST", "/todos", "{\"title\":\"Milk\"}").body()).contains("{\"added\":\"Milk\"}");
		HttpResponse<String> blank = send("POST", "/todos", "{\"title\":\"\"}");
		assertThat(blank.headers().firstValue("Datastar-Error-Status")).hasValue("400");
		assertThat(blank.body()).contains("&#39;title&#39; must not be blank").doesNotContain("added");
		assertThat(sendWithoutDatastarHeader("POST", "/todos", "{\"title\":\"\"}").statusCode()).isEqualTo(400);
		assertThat(send("POST", "/raw", "{\"a\":1,\"b\":2}").body()).contains("{\"fields\":2}");
	}

	@Test
	void optionalSignalsAreNullOrEmptyWhenAbsent() throws Exception {
		assertThat(send("GET", "/page", null).body()).isEqualTo("all");
		assertThat(send("GET", "/page?datastar=" + encode("{\"status\":\"done\"}"), null).body()).isEqualTo("done");
		assertThat(send("GET", "/page-optional", null).body()).isEqualTo("all");
	}

	private HttpResponse<String> send(String method, String path, String json) throws Exception {
		return send(method, path, json, true);
	}

	private HttpResponse<String> sendWithoutDatastarHeader(String method, String path, String json) throws Exception {
		return send(method, path, json, false);
	}

	private HttpResponse<String> send(String method, String path, String json, boolean datastar) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)));
		if (datastar) {
			request.header("Datastar-Request", "true");
		}
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		request.method(method, (json != null) ? HttpRequest.BodyPublishers.ofString(json)
				: HttpRequest.BodyPublishers.noBody());
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String encode(String json) {
		return URLEncoder.encode(json, StandardCharsets.UTF_8);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
