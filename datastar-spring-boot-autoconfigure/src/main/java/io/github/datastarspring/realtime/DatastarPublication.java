package io.github.datastarspring.realtime;

import java.util.Objects;

import io.github.datastarspring.core.DatastarEvent;

/**
 * One published event on its way to the subscribers of a topic, as carried by a
 * {@link DatastarEventBus}.
 *
 * @param topic the topic
 * @param key the coalescing key, or {@code null}
 * @param event the event, without its topic id (ids are assigned where it is delivered)
 */
public record DatastarPublication(String topic, String key, DatastarEvent event) {

	public DatastarPublication {
		Objects.requireNonNull(topic, "topic");
		Objects.requireNonNull(event, "event");
	}

}
