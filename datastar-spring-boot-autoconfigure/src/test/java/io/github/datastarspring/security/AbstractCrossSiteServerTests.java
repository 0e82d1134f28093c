package io.github.datastarspring.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What another site can make a browser send, over real HTTP: a {@code text/plain} body carrying
 * JSON and a plain form post, both without a CORS preflight. Run on Tomcat and on Netty.
 */
abstract class AbstractCrossSiteServerTests {

	static final AtomicInteger commands = new AtomicInteger();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void aTextPlainJsonPostFromAnotherSiteIsRefusedAndChangesNothing() throws Exception {
		int before = commands.get();
		HttpResponse<String> response = post("text/plain", "{\"title\":\"forged\"}", "https://evil.example", "cross-site");
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).isEqualTo("Cross-site request refused");
		assertThat(commands.get()).isEqualTo(before);
	}

	@Test
	void aFormPostFromAnOldBrowserWithOnlyAnOriginIsRefused() throws Exception {
		int before = commands.get();
		HttpResponse<String> response = post("application/x-www-form-urlencoded", "a=b", "https://evil.example", null);
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(commands.get()).isEqualTo(before);
	}

	@Test
	void theApplicationsOwnPagesGetThrough() throws Exception {
		int before = commands.get();
		HttpResponse<String> response = post("application/json", "{}", "http://localhost:" + this.port, "same-origin");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(commands.get()).isEqualTo(before + 1);
	}

	@Test
	void callersThatAreNotBrowsersGetThrough() throws Exception {
		assertThat(post("application/json", "{}", null, null).statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> post(String contentType, String body, String origin, String secFetchSite)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/command"))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (origin != null) {
			request.header("Origin", origin);
		}
		if (secFetchSite != null) {
			request.header("Sec-Fetch-Site", secFetchSite);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
