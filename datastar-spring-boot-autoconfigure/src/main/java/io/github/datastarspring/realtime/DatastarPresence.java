package io.github.datastarspring.realtime;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.github.datastarspring.core.DatastarEvents;
import io.github.datastarspring.core.DatastarSink;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who is on a topic: each user with the number of their open streams (tabs), across instances,
 * with join and leave events an application can render.
 *
 * <p>A stream is {@link #track tracked} until it closes, however it closes: a tab that dies
 * without a goodbye is noticed when the hub's next heartbeats to it fail. Each instance announces
 * the users it holds on a topic to {@code datastar:presence:<topic>} on every change and every
 * {@code heartbeat}; announcements travel like any publish (through the shared log when one is
 * configured), and an instance that stops announcing is forgotten after two and a half heartbeats.
 *
 * <pre>{@code
 * presence.track("chat:room:" + room, principal.getName(), stream);
 * presence.addListener((event) -> hub.publish(event.topic(), renderer.patchElements("chat :: who", event.members())));
 * }</pre>
 */
public class DatastarPresence implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(DatastarPresence.class);

	private static final byte[] SIGNALS_LINE = "data: signals ".getBytes(StandardCharsets.US_ASCII);

	private final DatastarBroadcaster hub;

	private final JsonMapper json;

	private final String instance = UUID.randomUUID().toString();

	private final long expiryNanos;

	private final ScheduledThreadPoolExecutor scheduler;

	private final Map<String, PresenceTopic> topics = new ConcurrentHashMap<>();

	private final List<Listener> listeners = new CopyOnWriteArrayList<>();

	private final AtomicBoolean closed = new AtomicBoolean();

	/**
	 * @param hub the hub that carries the announcements
	 * @param json reads announcements
	 * @param heartbeat how often each instance announces who it holds
	 */
	public DatastarPresence(DatastarBroadcaster hub, JsonMapper json, Duration heartbeat) {
		this.hub = Objects.requireNonNull(hub, "hub");
		this.json = Objects.requireNonNull(json, "json");
		long interval = Objects.requireNonNull(heartbeat, "heartbeat").toNanos();
		if (interval <= 0) {
			throw new IllegalArgumentException("Presence heartbeat must be positive");
		}
		this.expiryNanos = interval * 5 / 2;
		this.scheduler = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "datastar-presence");
			thread.setDaemon(true);
			return thread;
		});
		this.scheduler.scheduleAtFixedRate(this::heartbeat, interval, interval, TimeUnit.NANOSECONDS);
	}

	/** Calls {@code listener} on every join, leave and change of tabs seen by this instance, local or remote. */
	public void addListener(Listener listener) {
		this.listeners.add(Objects.requireNonNull(listener, "listener"));
	}

	/**
	 * Counts {@code sink} as one tab of {@code user} on {@code topic} until the stream closes.
	 * Usually called with the stream just subscribed to {@code topic}.
	 */
	public void track(String topic, String user, DatastarSink sink) {
		Objects.requireNonNull(user, "user");
		PresenceTopic target = topic(topic);
		target.local.merge(user, 1, Integer::sum);
		AtomicBoolean left = new AtomicBoolean();
		sink.onClose(() -> {
			if (left.compareAndSet(false, true)) {
				target.local.computeIfPresent(user, (name, tabs) -> (tabs > 1) ? tabs - 1 : null);
				announce(target);
			}
		});
		announce(target);
	}

	/** Users on {@code topic} with their number of tabs, over all instances, sorted by name. */
	public Map<String, Integer> members(String topic) {
		PresenceTopic target = this.topics.get(topic);
		return (target != null) ? target.members() : Map.of();
	}

	private PresenceTopic topic(String name) {
		return this.topics.computeIfAbsent(name, (n) -> {
			PresenceTopic created = new PresenceTopic(n);
			this.hub.subscribe(DatastarDestinations.presence(n), new AnnouncementSink(created));
			return created;
		});
	}

	private void announce(PresenceTopic topic) {
		if (this.closed.get()) {
			return;
		}
		Map<String, Object> announcement = new LinkedHashMap<>();
		announcement.put("instance", this.instance);
		announcement.put("members", new TreeMap<>(topic.local));
		this.hub.publish(DatastarDestinations.presence(topic.name), DatastarEvents.patchSignals(announcement));
	}

	private void heartbeat() {
		try {
			long now = System.nanoTime();
			for (PresenceTopic topic : this.topics.values()) {
				if (!topic.local.isEmpty()) {
					announce(topic);
				}
				topic.expire(now);
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Datastar presence heartbeat failed", ex);
		}
	}

	/** Stops announcing; other instances forget this one's users after their expiry. */
	@Override
	public void close() {
		if (this.closed.compareAndSet(false, true)) {
			this.scheduler.shutdownNow();
		}
	}

	/** Told about joins and leaves; runs on the thread that delivered the change, so keep it short. */
	@FunctionalInterface
	public interface Listener {

		void presenceChanged(PresenceEvent event);

	}

	/**
	 * A user joined a topic (their first tab), left it (their last tab closed), or opened or
	 * closed another tab on it.
	 *
	 * @param topic the topic
	 * @param user the user
	 * @param change what happened
	 * @param members everyone on the topic now, with their number of tabs, sorted by name
	 */
	public record PresenceEvent(String topic, String user, Change change, Map<String, Integer> members) {

		/** Whether the user just joined (their first tab). */
		public boolean joined() {
			return this.change == Change.JOINED;
		}

		/** Whether the user just left (their last tab closed). */
		public boolean left() {
			return this.change == Change.LEFT;
		}

	}

	/** What happened to a user's presence on a topic. */
	public enum Change {

		/** The user's first tab joined. */
		JOINED,

		/** The user's last tab left. */
		LEFT,

		/** The user, still present, has more or fewer tabs. */
		TABS

	}

	/** One topic's presence: this instance's users, and what each instance announced last. */
	private final class PresenceTopic {

		final String name;

		final Map<String, Integer> local = new ConcurrentHashMap<>();

		private final Map<String, Announced> instances = new HashMap<>();

		private Map<String, Integer> members = Map.of();

		PresenceTopic(String name) {
			this.name = name;
		}

		synchronized Map<String, Integer> members() {
			return this.members;
		}

		void receive(String instance, Map<String, Integer> users) {
			List<PresenceEvent> events;
			synchronized (this) {
				if (users.isEmpty()) {
					this.instances.remove(instance);
				}
				else {
					this.instances.put(instance, new Announced(users, System.nanoTime()));
				}
				events = recompute();
			}
			fire(events);
		}

		void expire(long now) {
			List<PresenceEvent> events;
			synchronized (this) {
				if (!this.instances.values().removeIf((a) -> now - a.atNanos > DatastarPresence.this.expiryNanos)) {
					return;
				}
				events = recompute();
			}
			fire(events);
		}

		private List<PresenceEvent> recompute() {
			Map<String, Integer> merged = new TreeMap<>();
			for (Announced announced : this.instances.values()) {
				announced.users.forEach((user, tabs) -> merged.merge(user, tabs, Integer::sum));
			}
			Map<String, Integer> now = Collections.unmodifiableMap(merged);
			List<PresenceEvent> events = new ArrayList<>();
			for (Map.Entry<String, Integer> user : now.entrySet()) {
				Integer before = this.members.get(user.getKey());
				if (before == null) {
					events.add(new PresenceEvent(this.name, user.getKey(), Change.JOINED, now));
				}
				else if (!before.equals(user.getValue())) {
					events.add(new PresenceEvent(this.name, user.getKey(), Change.TABS, now));
				}
			}
			for (String user : this.members.keySet()) {
				if (!now.containsKey(user)) {
					events.add(new PresenceEvent(this.name, user, Change.LEFT, now));
				}
			}
			this.members = now;
			return events;
		}

		private void fire(List<PresenceEvent> events) {
			for (PresenceEvent event : events) {
				for (Listener listener : DatastarPresence.this.listeners) {
					try {
						listener.presenceChanged(event);
					}
					catch (RuntimeException ex) {
						logger.warn("Datastar presence listener failed", ex);
					}
				}
			}
		}

	}

	private record Announced(Map<String, Integer> users, long atNanos) {

	}

	/** Receives a topic's announcements from every instance, as encoded events. */
	private final class AnnouncementSink implements DatastarSink {

		private final PresenceTopic topic;

		AnnouncementSink(PresenceTopic topic) {
			this.topic = topic;
		}

		@Override
		public boolean offer(byte[] encodedEvent) {
			int start = EncodedEvents.indexOf(encodedEvent, SIGNALS_LINE);
			if (start < 0) {
				return true;
			}
			start += SIGNALS_LINE.length;
			int end = start;
			while (end < encodedEvent.length && encodedEvent[end] != '\n') {
				end++;
			}
			try {
				JsonNode announcement = DatastarPresence.this.json.readTree(new String(encodedEvent, start, end - start,
						StandardCharsets.UTF_8));
				Map<String, Integer> users = new TreeMap<>();
				for (Map.Entry<String, JsonNode> member : announcement.path("members").properties()) {
					if (member.getValue().asInt() > 0) {
						users.put(member.getKey(), member.getValue().asInt());
					}
				}
				this.topic.receive(announcement.path("instance").asString(), users);
			}
			catch (JacksonException ex) {
				logger.warn("Ignored an unreadable presence announcement on " + this.topic.name, ex);
			}
			return true;
		}

		@Override
		public boolean offerReplacingQueued(byte[] encodedEvent) {
			return offer(encodedEvent);
		}

		@Override
		public boolean isOpen() {
			return !DatastarPresence.this.closed.get();
		}

		@Override
		public void complete() {
		}

		@Override
		public void onClose(Runnable callback) {
		}

	}

}
