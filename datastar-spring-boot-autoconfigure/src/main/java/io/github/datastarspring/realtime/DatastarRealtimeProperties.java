package io.github.datastarspring.realtime;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The real-time hub ({@link DatastarBroadcaster}). Heartbeats use {@code datastar.sse.heartbeat}
 * and each stream's send queue {@code datastar.sse.send-queue-size}.
 *
 * @param replayBufferSize how many missed events a reconnecting client is sent (the in-memory log
 * keeps as many per topic); larger gaps get a full-state resync; 0 disables replay
 * @param replayBufferBytes how many bytes of recent events the in-memory log keeps per topic, so
 * that large events do not multiply memory by the replay count (the newest is always kept)
 * @param log where topics' events are logged: 'memory' (this instance only) or
 * 'postgres' (shared by every instance on one database, see 'datastar.realtime.postgres')
 * @param overflow what happens to a subscriber whose send queue is full: 'drop' ends its
 * stream, 'latest' replaces what is queued with the latest full state
 * @param topicRetention how long a topic without subscribers keeps its replay buffer, so that
 * clients that briefly disconnect (a hidden tab) resume rather than resync
 * @param coalesce coalescing of high-rate topics
 * @param shutdown what open streams get when the application stops
 */
@ConfigurationProperties("datastar.realtime")
public record DatastarRealtimeProperties(@DefaultValue("256") int replayBufferSize,
		@DefaultValue("1MB") DataSize replayBufferBytes, @DefaultValue("memory") String log,
		@DefaultValue("drop") OverflowPolicy overflow, @DefaultValue("5m") Duration topicRetention,
		@DefaultValue Coalesce coalesce, @DefaultValue Shutdown shutdown) {

	/**
	 * Coalescing: on matching topics only the last event per key within a window is sent.
	 *
	 * @param topics topic patterns to coalesce ('*' matches any characters, e.g. 'ticker:*');
	 * empty (the default) coalesces nothing
	 * @param window how long events are collected before the last one per key is sent
	 */
	public record Coalesce(List<String> topics, @DefaultValue("16ms") Duration window) {

		public Coalesce {
			topics = (topics != null) ? List.copyOf(topics) : List.of();
		}

	}

	/**
	 * Shutdown.
	 *
	 * @param script JavaScript every open stream runs before it is completed at shutdown, for
	 * example 'setTimeout(() => location.reload(), 5000)'; unset sends nothing
	 */
	public record Shutdown(String script) {

	}

}
