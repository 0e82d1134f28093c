package io.github.datastarspring.docs.webflux;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The examples of docs/webflux.md in a {@code @WebFluxTest} slice. */
@WebFluxTest(controllers = { WebFluxExamplesController.class, ClockController.class })
@Import({ WebFluxExamplesController.class, ClockController.class })
class WebFluxDocsTests {

	@Autowired
	WebTestClient webTestClient;

	@Test
	void searchAppendsOneItemPerResult() {
		assertThat(get("/search?datastar=" + encode("{\"text\":\"tea\"}")))
			.isEqualTo("event: datastar-patch-elements\ndata: selector #results\ndata: mode append\n"
					+ "data: elements <li>tea one</li>\n\n"
					+ "event: datastar-patch-elements\ndata: selector #results\ndata: mode append\n"
					+ "data: elements <li>tea two</li>\n\n");
		assertThat(get("/search-reactive?datastar=" + encode("{\"text\":\"tea\"}"))).contains("<li>tea two</li>");
	}

	@Test
	void signalsAreValidatedAndOptionalOnesMayBeAbsent() {
		this.webTestClient.post().uri("/profile").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"Ada\"}")
			.exchange()
			.expectBody(String.class).isEqualTo("event: datastar-patch-signals\ndata: signals {\"saved\":\"Ada\"}\n\n");
		this.webTestClient.post().uri("/profile").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\" \"}")
			.exchange()
			.expectStatus().isBadRequest();
		assertThat(get("/panel")).contains("{\"hadSignals\":false}");
	}

	@Test
	void theRequestTellsADatastarRequestAndItsLastEventId() {
		String body = this.webTestClient.get().uri("/updates").header("Datastar-Request", "true")
			.header("Last-Event-ID", "41")
			.exchange()
			.expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(body).contains("\"datastar\":true").contains("\"resumedFrom\":\"41\"");
	}

	@Test
	void theStreamTourSendsEveryKindOfEvent() {
		assertThat(get("/tour")).contains("data: mode append")
			.contains("data: signals {\"busy\":false}")
			.contains("data: selector #toast\ndata: mode remove")
			.contains("console.log('hi')")
			.contains("window.location")
			.contains("&lt;b&gt;one&lt;/b&gt;")
			.contains("data: signals {\"last\":true}");
	}

	@Test
	void serverSentEventsUseTheProtocolsLayout() {
		assertThat(get("/hello")).isEqualTo("event: datastar-patch-elements\ndata: elements <p id=\"hello\">Hello</p>\n\n"
				+ "event: datastar-patch-signals\ndata: signals {\"seen\":true}\n\n");
		String firstTick = this.webTestClient.mutate().responseTimeout(Duration.ofSeconds(5)).build()
			.get().uri("/clock").header("Datastar-Request", "true").exchange()
			.returnResult(String.class).getResponseBody().blockFirst(Duration.ofSeconds(5));
		assertThat(firstTick).startsWith("elements <span id=\"clock\">");
	}

	private String get(String uri) {
		return this.webTestClient.get().uri(URI.create(uri)).header("Datastar-Request", "true").exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
	}

	private static String encode(String json) {
		return URLEncoder.encode(json, StandardCharsets.UTF_8);
	}

}
