package dev.datastar.spring.sample.dashboard.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.datastar.spring.core.DatastarEvent;
import dev.datastar.spring.core.DatastarEventEncoder;
import dev.datastar.spring.core.PatchElements;
import dev.datastar.spring.core.PatchSignals;
import dev.datastar.spring.sample.dashboard.DashboardProperties;
import dev.datastar.spring.sample.dashboard.DashboardTest;
import dev.datastar.spring.sample.dashboard.metrics.BusinessSimulator;
import dev.datastar.spring.sample.dashboard.metrics.Range;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import reactor.util.function.Tuple2;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The page stream as a Reactor publisher, without HTTP in between. */
@DashboardTest
class PageStreamsTests {

	@Autowired
	PageStreams streams;

	@Autowired
	BusinessSimulator business;

	@Autowired
	DashboardProperties properties;

	@Autowired
	DatastarEventEncoder encoder;

	@Test
	void everyConnectStartsWithTheWholeCurrentState() {
		StepVerifier.create(this.streams.open("p-state", Range.ONE_MINUTE))
			.assertNext((e) -> assertThat(json(e)).isEqualTo("{\"_conn\":\"connected\"}"))
			.assertNext((e) -> assertThat(json(e)).startsWith("{\"kpi\":{\"rps\":"))
			.assertNext((e) -> assertThat(json(e)).startsWith("{\"biz\":{\"orders\":"))
			.assertNext((e) -> assertThat(html(e)).startsWith("<ol id=\"alerts\""))
			.thenConsumeWhile((e) -> !(e instanceof PatchElements p && p.elements().contains("<svg")),
					(e) -> assertThat(e).isInstanceOf(PatchSignals.class))
			.thenCancel()
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void thousandsOfUpdatesASecondBecomeAtMostThirtyPatchesASecond() {
		long ordersBefore = this.business.current().orders();
		List<Tuple2<Long, DatastarEvent>> events = new ArrayList<>();
		StepVerifier.create(this.streams.open("p-rate", Range.ONE_MINUTE).skip(6).elapsed().take(Duration.ofSeconds(3)))
			.thenConsumeWhile((e) -> events.add(e))
			.expectComplete()
			.verify(Duration.ofSeconds(10));
		long updates = this.business.current().orders() - ordersBefore;
		assertThat(updates).as("business updates in 3 s").isGreaterThan(3 * 2000);
		long businessPatches = events.stream().filter((t) -> json(t.getT2()).startsWith("{\"biz\"")).count();
		assertThat(businessPatches).as("business patches in 3 s").isBetween(3L * 3, 3L * 30);
		assertThat(maxInAnySecond(events)).as("patches in any one second").isLessThanOrEqualTo(this.properties.maxPatchesPerSecond());
	}

	@Test
	void rangeChangeSwitchesTheLiveStreamToTheOtherCharts() {
		Flux<DatastarEvent> stream = this.streams.open("p-range", Range.ONE_MINUTE);
		StepVerifier.create(stream)
			.thenConsumeWhile((e) -> !isChart(e, "1m"))
			.then(() -> assertThat(this.streams.changeRange("p-range", Range.FIFTEEN_MINUTES)).isTrue())
			.thenConsumeWhile((e) -> !(e instanceof PatchSignals s && json(s).equals("{\"range\":\"15m\"}")))
			.thenConsumeWhile((e) -> !isChart(e, "15m"), (e) -> assertThat(isChart(e, "1m")).isFalse())
			.thenCancel()
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void aClosedStreamLeavesNothingBehind() {
		StepVerifier.create(this.streams.open("p-close", Range.ONE_MINUTE).take(6)).expectNextCount(6).verifyComplete();
		await().atMost(Duration.ofSeconds(5)).until(() -> !this.streams.changeRange("p-close", Range.FIVE_MINUTES));
	}

	private static boolean isChart(DatastarEvent e, String range) {
		return e instanceof PatchElements p && p.elements() != null && p.elements().contains("<svg")
				&& p.elements().contains("data-range=\"" + range + "\"");
	}

	private String json(DatastarEvent e) {
		return (e instanceof PatchSignals s) ? this.encoder.signalsJson(s) : "";
	}

	private static String html(DatastarEvent e) {
		return (e instanceof PatchElements p && p.elements() != null) ? p.elements() : "";
	}

	/** The most events that arrived within any 1,000 ms. */
	static int maxInAnySecond(List<Tuple2<Long, DatastarEvent>> events) {
		List<Long> at = new ArrayList<>();
		long t = 0;
		for (Tuple2<Long, DatastarEvent> e : events) {
			t += e.getT1();
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
