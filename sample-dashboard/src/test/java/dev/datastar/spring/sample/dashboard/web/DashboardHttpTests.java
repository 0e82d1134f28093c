package dev.datastar.spring.sample.dashboard.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.datastar.spring.sample.dashboard.DashboardProperties;
import dev.datastar.spring.sample.dashboard.DashboardTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The page, its stream and its commands over real HTTP. */
@DashboardTest
class DashboardHttpTests {

	private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
	};

	@Autowired
	WebTestClient client;

	@Autowired
	PageStreams streams;

	@Autowired
	DashboardProperties properties;

	@BeforeEach
	void longerTimeout() {
		this.client = this.client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
	}

	@Test
	void pageIsCompleteBeforeTheStreamOpens() {
		String html = this.client.get().uri("/").exchange()
			.expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(html).contains("data-init=\"@get('/stream')\"")
			.contains("data-signals=\"{&quot;pageId&quot;:&quot;")
			.contains("<figure id=\"chart-traffic\" class=\"chart\" data-range=\"1m\">")
			.contains("<ol id=\"alerts\"")
			.contains("data-on:click=\"$range = '5m'; @post('/range')\"");
	}

	@Test
	void streamStartsWithTheCurrentStateThenUpdatesKpisAndCharts() {
		StepVerifier.create(stream(UUID.randomUUID().toString(), "1m"))
			.assertNext((e) -> {
				assertThat(e.event()).isEqualTo("datastar-patch-signals");
				assertThat(e.data()).isEqualTo("signals {\"_conn\":\"connected\"}");
			})
			.assertNext((e) -> assertThat(e.data()).startsWith("signals {\"kpi\":{\"rps\":"))
			.assertNext((e) -> assertThat(e.data()).startsWith("signals {\"biz\":{\"orders\":"))
			.assertNext((e) -> {
				assertThat(e.event()).isEqualTo("datastar-patch-elements");
				assertThat(e.data()).startsWith("elements <ol id=\"alerts\"");
			})
			.assertNext((e) -> assertThat(e.data()).isEqualTo("signals {\"range\":\"1m\"}"))
			.assertNext((e) -> assertThat(e.data()).startsWith("elements <figure id=\"chart-traffic\""))
			// then live: a new KPI patch and new charts on every tick
			.thenConsumeWhile((e) -> !e.data().startsWith("signals {\"kpi\""))
			.thenConsumeWhile((e) -> !e.data().startsWith("elements <figure id=\"chart-traffic\""))
			.thenCancel()
			.verify(Duration.ofSeconds(20));
	}

	@Test
	void streamNeverExceedsThePatchBudget() {
		List<Long> arrivals = new ArrayList<>();
		StepVerifier.create(stream(UUID.randomUUID().toString(), "1m").skip(6).elapsed().take(Duration.ofSeconds(3)))
			.thenConsumeWhile((t) -> arrivals.add(t.getT1()))
			.expectComplete()
			.verify(Duration.ofSeconds(20));
		assertThat(arrivals.size()).as("patches in 3 s").isBetween(3 * 3, 3 * this.properties.maxPatchesPerSecond());
		assertThat(maxInAnySecond(arrivals)).isLessThanOrEqualTo(this.properties.maxPatchesPerSecond());
	}

	@Test
	void rangeCommandChangesWhatTheOpenStreamSends() {
		String pageId = UUID.randomUUID().toString();
		StepVerifier.create(stream(pageId, "1m"))
			.thenConsumeWhile((e) -> !e.data().contains("data-range=\"1m\""))
			.then(() -> this.client.post().uri("/range")
				.contentType(MediaType.APPLICATION_JSON)
				.header("Datastar-Request", "true")
				.bodyValue("{\"pageId\":\"" + pageId + "\",\"range\":\"5m\",\"kpi\":{}}")
				.exchange()
				.expectStatus().isNoContent())
			.thenConsumeWhile((e) -> !e.data().equals("signals {\"range\":\"5m\"}"))
			.thenConsumeWhile((e) -> !e.data().contains("data-range=\"5m\""),
					(e) -> assertThat(e.data()).doesNotContain("data-range=\"1m\""))
			.thenCancel()
			.verify(Duration.ofSeconds(20));
	}

	@Test
	void aHiddenTabsStreamIsReleasedAndAReopenedOneGetsTheFullStateAgain() {
		String pageId = UUID.randomUUID().toString();
		int before = this.streams.openStreams();
		// the client aborts its fetch when the tab is hidden: the server sees a cancel
		StepVerifier.create(stream(pageId, "15m")).expectNextCount(6).thenCancel().verify(Duration.ofSeconds(20));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.streams.openStreams() <= before);
		// shown again: a new request with the same page id and signals
		StepVerifier.create(stream(pageId, "15m"))
			.assertNext((e) -> assertThat(e.data()).isEqualTo("signals {\"_conn\":\"connected\"}"))
			.expectNextCount(3)
			.assertNext((e) -> assertThat(e.data()).isEqualTo("signals {\"range\":\"15m\"}"))
			.assertNext((e) -> assertThat(e.data()).contains("data-range=\"15m\""))
			.thenCancel()
			.verify(Duration.ofSeconds(20));
	}

	@Test
	void badSignalsAreA400WithAMessage() {
		this.client.get().uri("/stream").exchange()
			.expectStatus().isBadRequest()
			.expectBody(String.class).isEqualTo("Datastar signals are missing");
		this.client.get().uri((b) -> b.path("/stream").queryParam("datastar", "{s}").build("{not json")).exchange()
			.expectStatus().isBadRequest()
			.expectBody(String.class).isEqualTo("Datastar signals are not valid JSON");
		this.client.get().uri((b) -> b.path("/stream").queryParam("datastar", "{s}").build("{\"pageId\":\"p\",\"range\":\"2h\"}"))
			.exchange()
			.expectStatus().isBadRequest()
			.expectBody(String.class).isEqualTo("Signal 'range' must be one of 1m, 5m, 15m");
		this.client.post().uri("/range").contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"pageId\":\"<script>\",\"range\":\"5m\"}").exchange()
			.expectStatus().isBadRequest()
			.expectBody(String.class).isEqualTo("Signal 'pageId' must be 1 to 64 letters, digits or dashes");
	}

	@Test
	void rangeForAPageWithoutStreamIsAcceptedForItsNextConnect() {
		this.client.post().uri("/range").contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"pageId\":\"gone\",\"range\":\"15m\"}").exchange()
			.expectStatus().isNoContent();
	}

	private Flux<ServerSentEvent<String>> stream(String pageId, String range) {
		String signals = "{\"pageId\":\"" + pageId + "\",\"range\":\"" + range + "\",\"kpi\":{\"rps\":\"0\"}}";
		return this.client.get()
			.uri((b) -> b.path("/stream").queryParam("datastar", "{s}").build(signals))
			.header("Datastar-Request", "true")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus().isOk()
			.expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
			.expectHeader().valueEquals("Cache-Control", "no-cache")
			.returnResult(SSE)
			.getResponseBody()
			.filter((e) -> e.event() != null); // heartbeats are comments
	}

	private static int maxInAnySecond(List<Long> gaps) {
		List<Long> at = new ArrayList<>();
		long t = 0;
		for (long gap : gaps) {
			t += gap;
			at.add(t);
		}
		int max = 0;
		int from = 0;
		for (int to = 0; to < at.size(); to++) {
			while (at.get(to) - at.get(from) >= 1000) {
				from++;
			}
			max = Math.max(max, to - from + 1);
		}
		return max;
	}

}
