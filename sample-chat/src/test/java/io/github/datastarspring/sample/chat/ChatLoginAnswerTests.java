package io.github.datastarspring.sample.chat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** What Spring Security answers without a login, over real HTTP: Datastar requests and page requests. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ChatLoginAnswerTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void aDatastarStreamWithoutALoginGetsAnEventThatReloadsThePageNotTheLoginPage() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/rooms/lobby/updates"))
			.header("Datastar-Request", "true"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/event-stream"));
		assertThat(response.body()).isEqualTo("event: datastar-patch-elements\n" + "data: selector body\n"
				+ "data: mode append\n"
				+ "data: elements <div id=\"datastar-login-required\" hidden data-init=\"location.reload()\"></div>\n\n");
	}

	@Test
	void aDatastarPostWithAnUnknownSessionGetsTheSameAnswerAndChangesNothing() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/rooms/lobby/messages"))
			.header("Datastar-Request", "true")
			.header("Content-Type", "application/json")
			.header("Cookie", "JSESSIONID=expired")
			.POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"hello\",\"csrf\":\"stale\"}")));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("data-init=\"location.reload()\"").doesNotContain("<form");
	}

	@Test
	void aPageRequestWithoutALoginIsRedirectedToTheLoginPageAsUsual() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/rooms/lobby")));
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
				(location) -> assertThat(location).endsWith("/login"));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
