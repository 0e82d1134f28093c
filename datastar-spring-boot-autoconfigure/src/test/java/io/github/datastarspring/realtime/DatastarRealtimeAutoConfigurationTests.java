package io.github.datastarspring.realtime;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.github.datastarspring.DatastarAutoConfiguration;
import io.github.datastarspring.core.DatastarEvents;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class DatastarRealtimeAutoConfigurationTests {

	private static final AutoConfigurations DATASTAR = AutoConfigurations.of(DatastarAutoConfiguration.class,
			DatastarRealtimeAutoConfiguration.class);

	private static final AutoConfigurations METRICS = AutoConfigurations.of(MetricsAutoConfiguration.class,
			SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class);

	private final WebApplicationContextRunner servlet = new WebApplicationContextRunner().withConfiguration(DATASTAR);

	@Test
	void servletApplicationGetsTheInMemoryBroadcaster() {
		this.servlet.run((context) -> {
			assertThat(context).hasSingleBean(InMemoryDatastarBroadcaster.class)
				.hasSingleBean(InMemoryDatastarEventLog.class)
				.doesNotHaveBean(DatastarBroadcasterMetrics.class);
			TestSink sink = context.getBean(DatastarBroadcaster.class).subscribe("t", new TestSink());
			context.getBean(DatastarBroadcaster.class).publish("t", DatastarEvents.patchElements("<p id=\"a\"></p>"));
			assertThat(sink.next()).startsWith("event: datastar-patch-elements\nid: ");
		});
	}

	@Test
	void reactiveApplicationGetsTheInMemoryBroadcaster() {
		new ReactiveWebApplicationContextRunner().withConfiguration(DATASTAR)
			.run((context) -> assertThat(context).hasSingleBean(DatastarBroadcaster.class));
	}

	@Test
	void nonWebApplicationGetsNone() {
		new ApplicationContextRunner().withConfiguration(DATASTAR)
			.run((context) -> assertThat(context).doesNotHaveBean(DatastarBroadcaster.class)
				.doesNotHaveBean(DatastarEventLog.class));
	}

	@Test
	void backsOffFromTheApplicationsBroadcaster() {
		this.servlet.withBean("mine", DatastarBroadcaster.class, () -> InMemoryDatastarBroadcaster
			.builder(new io.github.datastarspring.core.DatastarEventEncoder()).heartbeat(Duration.ZERO).build())
			.run((context) -> assertThat(context).hasSingleBean(DatastarBroadcaster.class).hasBean("mine"));
	}

	@Test
	void publishesThroughTheApplicationsEventLog() {
		List<String> appended = new CopyOnWriteArrayList<>();
		InMemoryDatastarEventLog memory = new InMemoryDatastarEventLog(16, 1024);
		DatastarEventLog log = new DatastarEventLog() {

			@Override
			public Position append(String topic, byte[] event) {
				appended.add(topic + " " + new String(event, java.nio.charset.StandardCharsets.UTF_8));
				return memory.append(topic, event);
			}

			@Override
			public Map<String, Read> read(Map<String, Position> after, int limit) {
				return memory.read(after, limit);
			}

			@Override
			public <T> T locked(String topic, Function<Position, T> work) {
				return memory.locked(topic, work);
			}

			@Override
			public void tail(Consumer<Set<String>> wakeUp) {
			}
		};
		this.servlet.withBean(DatastarEventLog.class, () -> log).run((context) -> {
			DatastarBroadcaster broadcaster = context.getBean(DatastarBroadcaster.class);
			TestSink sink = broadcaster.subscribe("t", new TestSink());
			broadcaster.publish("t", "k", DatastarEvents.patchElements("<p id=\"a\"></p>"));
			// Appended once, encoded without id; the id is added at delivery.
			assertThat(appended).singleElement().satisfies((entry) -> assertThat(entry)
				.isEqualTo("t event: datastar-patch-elements\ndata: elements <p id=\"a\"></p>\n\n"));
			assertThat(sink.next()).startsWith("event: datastar-patch-elements\nid: ").contains("<p id=\"a\"></p>");
		});
	}

	@Test
	void propertiesHaveDocumentedDefaults() {
		this.servlet.run((context) -> {
			DatastarRealtimeProperties properties = context.getBean(DatastarRealtimeProperties.class);
			assertThat(properties.replayBufferSize()).isEqualTo(256);
			assertThat(properties.replayBufferBytes().toBytes()).isEqualTo(1024 * 1024);
			assertThat(properties.log()).isEqualTo("memory");
			assertThat(properties.overflow()).isEqualTo(OverflowPolicy.DROP);
			assertThat(properties.topicRetention()).hasMinutes(5);
			assertThat(properties.coalesce().topics()).isEmpty();
			assertThat(properties.coalesce().window()).hasMillis(16);
			assertThat(properties.shutdown().script()).isNull();
		});
	}

	@Test
	void propertiesConfigureTheBroadcaster() {
		this.servlet
			.withPropertyValues("datastar.sse.heartbeat=0", "datastar.realtime.replay-buffer-size=0",
					"datastar.realtime.overflow=latest", "datastar.realtime.coalesce.topics=ticker:*",
					"datastar.realtime.coalesce.window=40ms",
					"datastar.realtime.shutdown.script=setTimeout(() => location.reload(), 3000)")
			.run((context) -> {
				DatastarBroadcaster broadcaster = context.getBean(DatastarBroadcaster.class);
				TestSink idle = broadcaster.subscribe("idle", new TestSink());
				TestSink ticker = broadcaster.subscribe("ticker:x", new TestSink());
				for (int i = 0; i < 5; i++) {
					broadcaster.publish("ticker:x", DatastarEvents.patchElements("<p id=\"n\">" + i + "</p>"));
				}
				String event = nextEvent(ticker);
				assertThat(event).contains("<p id=\"n\">4</p>");
				// No replay buffer: only the latest id resumes, an earlier one resyncs.
				broadcaster.publish("ticker:x", DatastarEvents.patchElements("<p id=\"n\">5</p>"));
				String latest = TestSink.id(nextEvent(ticker));
				TestSink resumed = broadcaster.subscribe("ticker:x", new TestSink(), latest, null);
				TestSink resynced = broadcaster.subscribe("ticker:x", new TestSink(), TestSink.id(event),
						(out) -> out.send(DatastarEvents.patchElements("<p id=\"s\">full</p>")));
				assertThat(resumed.drain()).isEmpty();
				assertThat(resynced.drain()).singleElement().satisfies((e) -> assertThat(e).contains("full"));
				// Overflow policy "latest": a full queue is replaced rather than the stream ended.
				TestSink slow = broadcaster.subscribe("slow", new TestSink(1));
				broadcaster.publish("slow", DatastarEvents.patchElements("<p id=\"n\">1</p>"));
				broadcaster.publish("slow", DatastarEvents.patchElements("<p id=\"n\">2</p>"));
				assertThat(slow.isOpen()).isTrue();
				assertThat(slow.drain()).singleElement().satisfies((e) -> assertThat(e).contains(">2<"));
				context.close();
				assertThat(idle.completed()).isTrue();
				assertThat(idle.drain()).last().satisfies((e) -> assertThat(e).contains("location.reload()"));
			});
	}

	@Test
	void heartbeatIntervalIsTheSseOne() {
		this.servlet.withPropertyValues("datastar.sse.heartbeat=30ms").run((context) -> {
			TestSink idle = context.getBean(DatastarBroadcaster.class).subscribe("idle", new TestSink());
			assertThat(idle.next()).isEqualTo(":\n\n");
		});
	}

	private static String nextEvent(TestSink sink) {
		String event;
		do {
			event = sink.next();
		}
		while (":\n\n".equals(event));
		return event;
	}

	@Test
	void metricsWhenAMeterRegistryIsPresent() {
		this.servlet.withConfiguration(METRICS).run((context) -> {
			assertThat(context).hasSingleBean(DatastarBroadcasterMetrics.class);
			DatastarBroadcaster broadcaster = context.getBean(DatastarBroadcaster.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			TestSink a = broadcaster.subscribe("todos:1", new TestSink());
			broadcaster.subscribe("todos:2", new TestSink());
			broadcaster.publish("todos:1", DatastarEvents.patchElements("<p id=\"a\">x</p>"));
			String id = TestSink.id(a.next());
			broadcaster.publish("todos:1", DatastarEvents.patchElements("<p id=\"a\">y</p>"));
			a.disconnect();
			broadcaster.subscribe("todos:1", new TestSink(), id, null);
			TestSink stalled = broadcaster.subscribe("todos:2", new TestSink(1));
			broadcaster.publish("todos:2", DatastarEvents.patchElements("<p id=\"a\">1</p>"));
			broadcaster.publish("todos:2", DatastarEvents.patchElements("<p id=\"a\">2</p>"));
			assertThat(stalled.aborted()).isTrue();
			assertThat(registry.get("datastar.streams.open").tag("topic", "todos").gauge().value()).isEqualTo(2);
			assertThat(registry.get("datastar.events.published").tag("topic", "todos").counter().count()).isEqualTo(4);
			assertThat(registry.get("datastar.events.sent").tag("topic", "todos").counter().count()).isEqualTo(5);
			assertThat(registry.get("datastar.events.sent.bytes").counter().count()).isGreaterThan(5 * 40);
			assertThat(registry.get("datastar.events.replayed").counter().count()).isEqualTo(1);
			assertThat(registry.get("datastar.subscribers.dropped").counter().count()).isEqualTo(1);
		});
	}

	@Test
	void noMetricsWithoutAMeterRegistryBean() {
		this.servlet.run((context) -> assertThat(context).doesNotHaveBean(DatastarBroadcasterMetrics.class));
	}

	@Test
	void noMetricsWithoutMicrometer() {
		this.servlet.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).hasSingleBean(DatastarBroadcaster.class)
				.doesNotHaveBean(DatastarBroadcasterMetrics.class));
	}

}
