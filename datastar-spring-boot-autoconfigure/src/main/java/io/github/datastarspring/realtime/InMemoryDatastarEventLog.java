package io.github.datastarspring.realtime;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * The default {@link DatastarEventLog}: each topic's recent entries in this JVM, bounded by count
 * and by bytes, kept only while the hub follows the topic. A topic nobody follows keeps nothing;
 * a topic followed again starts a new epoch. Enough for a single instance.
 */
public class InMemoryDatastarEventLog implements DatastarEventLog {

	private final EventIds ids = new EventIds();

	private final Map<String, Topic> topics = new ConcurrentHashMap<>();

	private final int maxEntries;

	private final long maxBytes;

	/**
	 * @param maxEntries how many recent entries each topic keeps for resuming clients
	 * @param maxBytes how many bytes of recent entries each topic keeps (the newest is always kept)
	 */
	public InMemoryDatastarEventLog(int maxEntries, long maxBytes) {
		this.maxEntries = maxEntries;
		this.maxBytes = maxBytes;
	}

	@Override
	public @Nullable Position append(String topic, byte[] event) {
		Topic target = this.topics.get(topic);
		if (target == null) {
			return null;
		}
		synchronized (target) {
			return new Position(target.epoch, target.entries.add(event));
		}
	}

	@Override
	public Map<String, Read> read(Map<String, Position> after, int limit) {
		Map<String, Read> result = new HashMap<>();
		after.forEach((name, position) -> {
			Topic target = this.topics.get(name);
			if (target != null) {
				result.put(name, target.read(position, limit));
			}
		});
		return result;
	}

	@Override
	public <T> T locked(String topic, Function<Position, T> work) {
		while (true) {
			Topic target = this.topics.computeIfAbsent(topic, (name) -> new Topic(this.ids.newEpoch(),
					new ReplayBuffer(this.maxEntries, this.maxBytes)));
			target.lock.lock();
			try {
				if (this.topics.get(topic) == target) {
					return work.apply(target.latest());
				}
			}
			finally {
				target.lock.unlock();
			}
		}
	}

	@Override
	public void tail(Consumer<Set<String>> wakeUp) {
		// Every append comes from this JVM, whose hub catches up after appending.
	}

	@Override
	public void release(String topic) {
		this.topics.remove(topic);
	}

	/** How many topics are kept. */
	int topicCount() {
		return this.topics.size();
	}

	private static final class Topic {

		final String epoch;

		final ReplayBuffer entries;

		/** Serialises {@link #locked} callers; appends only take the monitor, never this lock. */
		final ReentrantLock lock = new ReentrantLock();

		Topic(String epoch, ReplayBuffer entries) {
			this.epoch = epoch;
			this.entries = entries;
		}

		synchronized Position latest() {
			return new Position(this.epoch, this.entries.last());
		}

		synchronized Read read(Position after, int limit) {
			Position latest = latest();
			if (!after.epoch().equals(this.epoch) || after.sequence() > this.entries.last()) {
				return Read.otherEpoch(latest);
			}
			if (!this.entries.hasAllAfter(after.sequence())) {
				return Read.truncated(latest);
			}
			return new Read(Status.ENTRIES, latest, this.entries.after(after.sequence(), limit));
		}

	}

}
