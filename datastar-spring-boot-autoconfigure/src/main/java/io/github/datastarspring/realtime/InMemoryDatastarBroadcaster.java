package io.github.datastarspring.realtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.github.datastarspring.core.DatastarEvent;
import io.github.datastarspring.core.DatastarEventEncoder;
import io.github.datastarspring.core.DatastarSink;
import io.github.datastarspring.realtime.DatastarEventLog.Position;
import io.github.datastarspring.realtime.DatastarEventLog.Read;

import org.springframework.context.SmartLifecycle;
import org.springframework.util.PatternMatchUtils;

/**
 * The default {@link DatastarBroadcaster}: the subscribers of this JVM, fed from a
 * {@link DatastarEventLog} (by default {@link InMemoryDatastarEventLog}, within this JVM too). A
 * publication is encoded once and appended to the log; each topic delivers the log's entries in
 * order, adding their ids, and fills gaps from the log, whichever instance appended them. One
 * shared daemon thread sends heartbeats, flushes coalescing windows and forgets idle topics.
 *
 * <p>As a {@link SmartLifecycle} it stops before the web server: every open stream then gets the
 * configured final event and is completed or, without one, is aborted so that its page
 * reconnects by itself (to this instance after a restart, or to another one) and resumes.
 */
public class InMemoryDatastarBroadcaster implements DatastarBroadcaster, SmartLifecycle, AutoCloseable {

	private static final Log logger = LogFactory.getLog(InMemoryDatastarBroadcaster.class);

	private final Map<String, BroadcastTopic> topics = new ConcurrentHashMap<>();

	private final BroadcastTopic.Shared shared;

	private final ScheduledThreadPoolExecutor scheduler;

	private final DatastarEventEncoder encoder;

	private final DatastarEventLog log;

	private final Map<String, Duration> coalescing;

	private final byte[] finalEvent;

	private volatile boolean running = true;

	protected InMemoryDatastarBroadcaster(Builder builder) {
		this.scheduler = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "datastar-broadcaster");
			thread.setDaemon(true);
			return thread;
		});
		this.scheduler.setRemoveOnCancelPolicy(true);
		this.scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
		this.encoder = builder.encoder;
		this.log = (builder.eventLog != null) ? builder.eventLog
				: new InMemoryDatastarEventLog(builder.replayBufferSize, builder.replayBufferBytes);
		this.shared = new BroadcastTopic.Shared(builder.encoder, this.log, builder.observer, builder.overflowPolicy,
				builder.replayBufferSize, this.scheduler);
		this.coalescing = new LinkedHashMap<>(builder.coalescing);
		this.finalEvent = (builder.finalEvent != null) ? builder.encoder.encode(builder.finalEvent) : null;
		this.log.tail(this::wakeUp);
		if (isPositive(builder.heartbeat)) {
			byte[] comment = builder.encoder.comment("");
			long interval = builder.heartbeat.toNanos();
			// Checking four times per interval keeps an idle stream's gaps between 1 and 1.25 intervals.
			repeat(() -> heartbeat(comment, interval), Math.max(interval / 4, TimeUnit.MILLISECONDS.toNanos(5)));
		}
		long retention = builder.topicRetention.toNanos();
		repeat(() -> retireIdleTopics(retention), Math.min(Math.max(retention / 2, TimeUnit.MILLISECONDS.toNanos(50)),
				TimeUnit.SECONDS.toNanos(30)));
	}

	/** A builder with the defaults of {@code datastar.realtime.*}, encoding with {@code encoder}. */
	public static Builder builder(DatastarEventEncoder encoder) {
		return new Builder(encoder);
	}

	@Override
	public <S extends DatastarSink> S subscribe(String topic, S sink, String lastEventId, DatastarSnapshot snapshot) {
		Objects.requireNonNull(topic, "topic");
		Objects.requireNonNull(sink, "sink");
		if (!this.running) {
			if (this.finalEvent != null) {
				sink.complete();
			}
			else {
				sink.abort();
			}
			return sink;
		}
		TopicSubscriber subscriber = new TopicSubscriber(sink, snapshot);
		BroadcastTopic joined = this.log.locked(topic, (latest) -> {
			BroadcastTopic target = topic(topic, latest);
			while (!target.subscribe(subscriber, lastEventId)) {
				this.topics.remove(topic, target);
				target = topic(topic, latest);
			}
			return target;
		});
		// Registered after joining: a sink that is already closed runs the callback at once.
		sink.onClose(() -> joined.remove(subscriber));
		if (!sink.isOpen()) {
			joined.remove(subscriber);
		}
		return sink;
	}

	@Override
	public void unsubscribe(String topic, DatastarSink sink) {
		BroadcastTopic target = this.topics.get(topic);
		TopicSubscriber subscriber = (target != null) ? target.subscriber(sink) : null;
		if (subscriber != null) {
			target.remove(subscriber);
		}
	}

	@Override
	public void publish(String topic, String key, DatastarEvent event) {
		Objects.requireNonNull(topic, "topic");
		Objects.requireNonNull(event, "event");
		if (!this.running) {
			return;
		}
		if (coalesceWindow(topic) != null) {
			BroadcastTopic target = this.topics.get(topic);
			while (target != null && !target.coalesce(key, event)) {
				this.topics.remove(topic, target);
				target = this.topics.get(topic);
			}
			if (target != null || this.log instanceof InMemoryDatastarEventLog) {
				return;
			}
		}
		byte[] bytes = encodeWithoutId(event);
		Position at = this.log.append(topic, bytes);
		if (at != null) {
			appended(topic, at, bytes);
		}
	}

	@Override
	public void update(String topic, Supplier<? extends DatastarEvent> change) {
		Objects.requireNonNull(change, "change");
		if (!this.running) {
			change.get();
			return;
		}
		Appended appended = this.log.locked(topic, (latest) -> {
			// Followed from now on, so that the log's history of the topic is released with it.
			topic(topic, latest);
			DatastarEvent event = change.get();
			if (event == null) {
				return null;
			}
			byte[] bytes = encodeWithoutId(event);
			Position at = this.log.append(topic, bytes);
			return (at != null) ? new Appended(at, bytes) : null;
		});
		// After the log's lock: appends made under it are published when it is released.
		if (appended != null) {
			appended(topic, appended.at(), appended.event());
		}
		else {
			catchUp(topic);
		}
	}

	/** An entry appended by this process, visible to others. */
	private record Appended(Position at, byte[] event) {
	}

	private void appended(String topic, Position at, byte[] event) {
		BroadcastTopic target = this.topics.get(topic);
		if (target != null) {
			try {
				target.appended(at, event);
			}
			catch (RuntimeException ex) {
				// The entry is in the log: the log's next wake-up or poll delivers it.
				logger.debug("Datastar topic '" + topic + "' will catch up later", ex);
			}
		}
	}

	private byte[] encodeWithoutId(DatastarEvent event) {
		return this.encoder.encode((event.eventId() != null) ? event.withEventId(null) : event);
	}

	private void catchUp(String topic) {
		BroadcastTopic target = this.topics.get(topic);
		if (target != null) {
			try {
				target.catchUp();
			}
			catch (RuntimeException ex) {
				// The entry is in the log: the log's next wake-up or poll delivers it.
				logger.debug("Datastar topic '" + topic + "' will catch up later", ex);
			}
		}
	}

	/**
	 * Delivers what other instances appended to the given topics, or to every topic followed here
	 * when {@code names} is empty, with one read of the log.
	 */
	private void wakeUp(Set<String> names) {
		Map<String, BroadcastTopic> woken = new HashMap<>();
		Map<String, Position> after = new HashMap<>();
		for (BroadcastTopic target : names.isEmpty() ? this.topics.values() : lookUp(names)) {
			woken.put(target.name, target);
			after.put(target.name, target.position());
		}
		if (after.isEmpty()) {
			return;
		}
		Map<String, Read> reads = this.log.read(after, BroadcastTopic.BATCH);
		reads.forEach((name, read) -> woken.get(name).apply(after.get(name), read));
	}

	private List<BroadcastTopic> lookUp(Set<String> names) {
		List<BroadcastTopic> found = new ArrayList<>(names.size());
		for (String name : names) {
			BroadcastTopic target = this.topics.get(name);
			if (target != null) {
				found.add(target);
			}
		}
		return found;
	}

	@Override
	public int subscriberCount(String topic) {
		BroadcastTopic target = this.topics.get(topic);
		return (target != null) ? target.subscriberCount() : 0;
	}

	/** How many streams are subscribed to any topic. */
	public int subscriberCount() {
		int count = 0;
		for (BroadcastTopic topic : this.topics.values()) {
			count += topic.subscriberCount();
		}
		return count;
	}

	/** How many topics are remembered (with subscribers, or idle within the retention time). */
	public int topicCount() {
		return this.topics.size();
	}

	private BroadcastTopic topic(String name, Position latest) {
		return this.topics.computeIfAbsent(name,
				(n) -> new BroadcastTopic(n, latest, this.shared, coalesceWindow(n)));
	}

	private Duration coalesceWindow(String topic) {
		for (Map.Entry<String, Duration> entry : this.coalescing.entrySet()) {
			if (PatternMatchUtils.simpleMatch(entry.getKey(), topic)) {
				return entry.getValue();
			}
		}
		return null;
	}

	private void heartbeat(byte[] comment, long intervalNanos) {
		long now = System.nanoTime();
		for (BroadcastTopic topic : this.topics.values()) {
			topic.heartbeat(comment, now - intervalNanos, now);
		}
	}

	private void retireIdleTopics(long retentionNanos) {
		long now = System.nanoTime();
		for (BroadcastTopic topic : this.topics.values()) {
			if (topic.retireIfIdle(now, retentionNanos) && this.topics.remove(topic.name, topic)) {
				this.log.release(topic.name);
			}
		}
	}

	private void repeat(Runnable task, long periodNanos) {
		this.scheduler.scheduleAtFixedRate(() -> {
			try {
				task.run();
			}
			catch (RuntimeException ex) {
				// A failing run must not cancel the schedule.
				logger.warn("Datastar broadcaster task failed", ex);
			}
		}, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
	}

	private static boolean isPositive(Duration duration) {
		return duration != null && !duration.isZero() && !duration.isNegative();
	}

	@Override
	public void start() {
		this.running = true;
	}

	/**
	 * Sends the final event to every open stream and completes it, or aborts it when there is no
	 * final event; later subscribers get the same at once.
	 */
	@Override
	public void stop() {
		this.running = false;
		List<BroadcastTopic> all = new ArrayList<>(this.topics.values());
		this.topics.clear();
		for (BroadcastTopic topic : all) {
			topic.shutdown(this.finalEvent);
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Stops (see {@link #stop()}) and ends the scheduler thread. */
	@Override
	public void close() {
		stop();
		this.scheduler.shutdownNow();
	}

	/** Settings of an {@link InMemoryDatastarBroadcaster}; each starts at its documented default. */
	public static final class Builder {

		private final DatastarEventEncoder encoder;

		private Duration heartbeat = Duration.ofSeconds(15);

		private int replayBufferSize = 256;

		private long replayBufferBytes = 1024 * 1024;

		private OverflowPolicy overflowPolicy = OverflowPolicy.DROP;

		private Duration topicRetention = Duration.ofMinutes(5);

		private final Map<String, Duration> coalescing = new LinkedHashMap<>();

		private DatastarEvent finalEvent;

		private DatastarEventLog eventLog;

		private DatastarBroadcastObserver observer = DatastarBroadcastObserver.NONE;

		private Builder(DatastarEventEncoder encoder) {
			this.encoder = Objects.requireNonNull(encoder, "encoder");
		}

		/** Interval of the SSE comment sent on idle streams (15 s); zero or {@code null} disables it. */
		public Builder heartbeat(Duration heartbeat) {
			this.heartbeat = heartbeat;
			return this;
		}

		/**
		 * How many missed events a reconnecting client may be sent instead of the snapshot (256),
		 * and how many recent events the default in-memory log keeps per topic; 0 disables replay.
		 */
		public Builder replayBufferSize(int size) {
			if (size < 0) {
				throw new IllegalArgumentException("replayBufferSize must not be negative");
			}
			this.replayBufferSize = size;
			return this;
		}

		/**
		 * How many bytes of recent events the default in-memory log keeps per topic (1 MiB), so
		 * that large events do not multiply memory by the replay count; the newest event is always kept.
		 */
		public Builder replayBufferBytes(long bytes) {
			if (bytes < 0) {
				throw new IllegalArgumentException("replayBufferBytes must not be negative");
			}
			this.replayBufferBytes = bytes;
			return this;
		}

		/** What happens to a subscriber whose send queue is full ({@link OverflowPolicy#DROP}). */
		public Builder overflowPolicy(OverflowPolicy policy) {
			this.overflowPolicy = Objects.requireNonNull(policy, "policy");
			return this;
		}

		/** How long a topic without subscribers keeps its replay buffer (5 min). */
		public Builder topicRetention(Duration retention) {
			this.topicRetention = Objects.requireNonNull(retention, "retention");
			return this;
		}

		/**
		 * Coalesces the topics matching {@code topicPattern} ({@code *} matches any run of
		 * characters): of the events published with one key within {@code window}, only the last is
		 * sent, at the end of the window. The first matching pattern wins.
		 */
		public Builder coalesce(String topicPattern, Duration window) {
			if (!isPositive(window)) {
				throw new IllegalArgumentException("Coalescing window must be positive");
			}
			this.coalescing.put(Objects.requireNonNull(topicPattern, "topicPattern"), window);
			return this;
		}

		/** An event every open stream gets before it is completed at shutdown; {@code null} for none. */
		public Builder finalEvent(DatastarEvent event) {
			this.finalEvent = event;
			return this;
		}

		/**
		 * The log that carries publications between instances; by default an
		 * {@link InMemoryDatastarEventLog} sized by {@link #replayBufferSize} and
		 * {@link #replayBufferBytes}.
		 */
		public Builder eventLog(DatastarEventLog eventLog) {
			this.eventLog = Objects.requireNonNull(eventLog, "eventLog");
			return this;
		}

		/** Told about streams and events, for metrics. */
		public Builder observer(DatastarBroadcastObserver observer) {
			this.observer = Objects.requireNonNull(observer, "observer");
			return this;
		}

		public InMemoryDatastarBroadcaster build() {
			return new InMemoryDatastarBroadcaster(this);
		}

	}

}
