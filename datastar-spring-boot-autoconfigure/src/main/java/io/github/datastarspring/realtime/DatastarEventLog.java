package io.github.datastarspring.realtime;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * A shared, ordered log of encoded events per topic: what carries publications between the
 * application's instances and lets a client resume on any of them. Every instance sees the same
 * id for the same event, {@code <epoch>-<sequence>}: the sequence is contiguous within an epoch,
 * and a topic gets a new epoch only when its history is lost.
 *
 * <p>The hub ({@link InMemoryDatastarBroadcaster}) encodes an event once, appends it without id,
 * and adds the id when it delivers the entry to its subscribers. The default,
 * {@link InMemoryDatastarEventLog}, keeps the log in this JVM; a shared implementation (such as
 * the PostgreSQL one) makes every instance serve every topic.
 */
public interface DatastarEventLog {

	/**
	 * Appends an encoded event (without id) to {@code topic}. An implementation backed by a
	 * transactional store joins the caller's transaction, so that the entry is published only if
	 * it commits.
	 * @return the entry's position once it is visible to readers, or {@code null} when it becomes
	 * visible later (at commit) or was not kept because nobody follows the topic
	 */
	@Nullable Position append(String topic, byte[] event);

	/**
	 * Reads, for each topic, the entries after the given position, oldest first, at most
	 * {@code limit} per topic.
	 */
	Map<String, Read> read(Map<String, Position> after, int limit);

	/**
	 * Runs {@code work} holding the topic's exclusive lock, which every {@code locked} call on any
	 * instance waits for; appends made by {@code work} are published when it returns.
	 * @param work gets the topic's latest position; may call {@link #append}
	 */
	<T> T locked(String topic, Function<Position, T> work);

	/**
	 * Registers the hub of this process: called, from any thread, with topics that may have new
	 * entries appended elsewhere. Only a wake-up: the hub reads the entries itself.
	 */
	void tail(Consumer<Set<String>> wakeUp);

	/** The hub no longer follows {@code topic}: a log that keeps history only for followers may drop it. */
	default void release(String topic) {
	}

	/**
	 * A place in a topic's log.
	 * @param epoch the topic's epoch
	 * @param sequence the entry's sequence; 0 before the first entry of the epoch
	 */
	record Position(String epoch, long sequence) {

		public Position {
			Objects.requireNonNull(epoch, "epoch");
		}

		/** The event id of the entry at this position. */
		public String id() {
			return this.epoch + "-" + this.sequence;
		}

		/** The position an event id names, or {@code null} when it is not of the form {@code <epoch>-<sequence>}. */
		public static @Nullable Position parse(@Nullable String id) {
			if (id == null) {
				return null;
			}
			int dash = id.lastIndexOf('-');
			if (dash <= 0 || dash == id.length() - 1 || id.length() - dash > 19) {
				return null;
			}
			long value = 0;
			for (int i = dash + 1; i < id.length(); i++) {
				char c = id.charAt(i);
				if (c < '0' || c > '9') {
					return null;
				}
				value = value * 10 + (c - '0');
			}
			return new Position(id.substring(0, dash), value);
		}

	}

	/**
	 * One entry of a topic's log.
	 * @param sequence its sequence within the topic's epoch
	 * @param event the encoded event, without id
	 */
	record Entry(long sequence, byte[] event) {

	}

	/**
	 * What a {@link #read} found for one topic.
	 * @param status whether the entries continue the given position
	 * @param latest the topic's latest position
	 * @param entries the entries after the given position when {@link Status#ENTRIES}, else empty
	 */
	record Read(Status status, Position latest, List<Entry> entries) {

		public static Read truncated(Position latest) {
			return new Read(Status.TRUNCATED, latest, List.of());
		}

		public static Read otherEpoch(Position latest) {
			return new Read(Status.OTHER_EPOCH, latest, List.of());
		}

	}

	/** How a read relates to the position it started from. */
	enum Status {

		/** The entries that follow the position (possibly none). */
		ENTRIES,

		/** Entries after the position are no longer kept (retention). */
		TRUNCATED,

		/** The position belongs to another epoch, or lies ahead of the log: its history is gone. */
		OTHER_EPOCH

	}

}
