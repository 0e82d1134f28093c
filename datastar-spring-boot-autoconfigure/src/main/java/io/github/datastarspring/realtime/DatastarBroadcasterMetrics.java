package io.github.datastarspring.realtime;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Micrometer meters of the broadcaster, tagged with {@code topic}: the topic name up to its first
 * {@code :} ({@code todos:42} counts as {@code todos}), so that per-entity topics do not create a
 * time series each.
 * <ul>
 * <li>{@code datastar.streams.open}: subscribed streams (gauge);</li>
 * <li>{@code datastar.events.published}: events published;</li>
 * <li>{@code datastar.events.sent}: events queued for a stream, one per subscriber;</li>
 * <li>{@code datastar.events.sent.bytes}: their bytes;</li>
 * <li>{@code datastar.events.replayed}: missed events sent to reconnecting streams;</li>
 * <li>{@code datastar.subscribers.dropped}: streams ended because their client did not keep up.</li>
 * </ul>
 */
public class DatastarBroadcasterMetrics implements DatastarBroadcastObserver, MeterBinder {

	private final Map<String, TopicMeters> meters = new ConcurrentHashMap<>();

	private volatile MeterRegistry registry;

	@Override
	public void bindTo(MeterRegistry registry) {
		this.registry = registry;
		this.meters.clear();
	}

	@Override
	public void streamOpened(String topic) {
		TopicMeters m = meters(topic);
		if (m != null) {
			m.open.incrementAndGet();
		}
	}

	@Override
	public void streamClosed(String topic) {
		TopicMeters m = meters(topic);
		if (m != null) {
			m.open.decrementAndGet();
		}
	}

	@Override
	public void eventSent(String topic, int subscribers, int bytes) {
		TopicMeters m = meters(topic);
		if (m != null) {
			m.published.increment();
			m.sent.increment(subscribers);
			m.bytes.increment((double) subscribers * bytes);
		}
	}

	@Override
	public void eventsReplayed(String topic, int count) {
		TopicMeters m = meters(topic);
		if (m != null) {
			m.replayed.increment(count);
		}
	}

	@Override
	public void subscriberDropped(String topic) {
		TopicMeters m = meters(topic);
		if (m != null) {
			m.dropped.increment();
		}
	}

	private TopicMeters meters(String topic) {
		MeterRegistry registry = this.registry;
		if (registry == null) {
			return null;
		}
		int colon = topic.indexOf(':');
		String tag = (colon >= 0) ? topic.substring(0, colon) : topic;
		TopicMeters m = this.meters.get(tag);
		return (m != null) ? m : this.meters.computeIfAbsent(tag, (t) -> new TopicMeters(registry, t));
	}

	private static final class TopicMeters {

		final AtomicInteger open = new AtomicInteger();

		final Counter published;

		final Counter sent;

		final Counter bytes;

		final Counter replayed;

		final Counter dropped;

		TopicMeters(MeterRegistry registry, String topic) {
			Gauge.builder("datastar.streams.open", this.open, AtomicInteger::get)
				.tag("topic", topic)
				.description("Streams subscribed to the topic")
				.register(registry);
			this.published = counter(registry, "datastar.events.published", topic, "Events published", null);
			this.sent = counter(registry, "datastar.events.sent", topic, "Events queued for a stream", null);
			this.bytes = counter(registry, "datastar.events.sent.bytes", topic, "Bytes of events queued for a stream",
					"bytes");
			this.replayed = counter(registry, "datastar.events.replayed", topic,
					"Missed events sent to reconnecting streams", null);
			this.dropped = counter(registry, "datastar.subscribers.dropped", topic,
					"Streams ended because their client did not keep up", null);
		}

		private static Counter counter(MeterRegistry registry, String name, String topic, String description,
				String unit) {
			return Counter.builder(name).tag("topic", topic).description(description).baseUnit(unit).register(registry);
		}

	}

}
