package io.github.datastarspring.security;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Security with Datastar requests, over real HTTP: the login answer, the CSRF token in the
 * signals, the access-denied patch. Each stack runs it with an application that has HTTP Basic
 * login, CSRF on, {@code /admin} for admins only, {@code /token} answering the CSRF token and
 * {@code /command} echoing its body. The message is set to {@code Admins <only>}.
 */
abstract class AbstractSecurityServerTests {

	private static final String LOGIN_ANSWER = "event: datastar-patch-elements\ndata: selector body\ndata: mode append\n"
			+ "data: elements <div id=\"datastar-login-required\" hidden data-init=\"location.reload()\"></div>\n\n";

	static final AtomicInteger commands = new AtomicInteger();

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	@LocalServerPort
	int port;

	@Test
	void aDatastarRequestWithoutALoginGetsTheLoginAnswer() throws Exception {
		HttpResponse<String> response = send(request("/token").header("Datastar-Request", "true"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/event-stream"));
		assertThat(response.body()).isEqualTo(LOGIN_ANSWER);
	}

	@Test
	void otherRequestsWithoutALoginGetSpringSecuritysUsualAnswer() throws Exception {
		assertThat(send(request("/token")).statusCode()).isEqualTo(401);
	}

	@Test
	void theCsrfTokenInTheSignalsIsAcceptedAndTheControllerStillReadsTheBody() throws Exception {
		String token = send(request("/token").header("Authorization", basic("user"))).body();
		int before = commands.get();
		HttpResponse<String> response = send(post("/command", "{\"csrf\":\"" + token + "\",\"title\":\"milk\"}", "user"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("ran {\"csrf\":\"" + token + "\",\"title\":\"milk\"}");
		assertThat(commands.get()).isEqualTo(before + 1);
	}

	@Test
	void withoutTheTokenTheCommandDoesNotRunAndThePageIsToldToReload() throws Exception {
		send(request("/token").header("Authorization", basic("user")));
		int before = commands.get();
		HttpResponse<String> response = send(post("/command", "{\"title\":\"milk\"}", "user"));
		assertThat(response.body()).isEqualTo(LOGIN_ANSWER);
		assertThat(commands.get()).isEqualTo(before);
	}

	@Test
	void aRefusalOfALoggedInUserIsAVisiblePatchWithAnEscapedMessage() throws Exception {
		String token = send(request("/token").header("Authorization", basic("user"))).body();
		HttpResponse<String> response = send(post("/admin", "{\"csrf\":\"" + token + "\"}", "user"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("event: datastar-patch-elements\ndata: selector body\ndata: mode append\n"
				+ "data: elements <div class=\"datastar-access-denied\" role=\"alert\">Admins &lt;only&gt;</div>\n\n");
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
	}

	private HttpRequest.Builder post(String path, String json, String user) {
		return request(path).header("Datastar-Request", "true")
			.header("Content-Type", "application/json")
			.header("Authorization", basic(user))
			.POST(HttpRequest.BodyPublishers.ofString(json));
	}

	private static String basic(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":secret").getBytes(StandardCharsets.UTF_8));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
