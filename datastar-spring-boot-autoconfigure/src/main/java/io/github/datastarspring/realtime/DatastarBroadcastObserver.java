package io.github.datastarspring.realtime;

/**
 * Told what the broadcaster does, for metrics. Called on publishing and scheduler threads, so
 * implementations must be fast and thread-safe. Every method defaults to doing nothing.
 */
public interface DatastarBroadcastObserver {

	/** A no-op observer. */
	DatastarBroadcastObserver NONE = new DatastarBroadcastObserver() {
	};

	/** A stream joined {@code topic}. */
	default void streamOpened(String topic) {
	}

	/** A stream left {@code topic} (for any reason, drops included). */
	default void streamClosed(String topic) {
	}

	/** One event of {@code bytes} bytes was queued for {@code subscribers} streams. */
	default void eventSent(String topic, int subscribers, int bytes) {
	}

	/** {@code count} missed events were replayed to a reconnecting stream. */
	default void eventsReplayed(String topic, int count) {
	}

	/** A subscriber was dropped because it did not keep up. */
	default void subscriberDropped(String topic) {
	}

}
