package io.github.datastarspring.test;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The events of a response (or of the part of a stream a test read), in order, and the comment
 * lines (heartbeats) between them. Assert on it with {@link DatastarAssertions#assertThat(ReceivedEvents)}.
 */
public final class ReceivedEvents implements Iterable<ReceivedEvent> {

	private final List<ReceivedEvent> events;

	private final List<String> comments;

	ReceivedEvents(List<ReceivedEvent> events, List<String> comments) {
		this.events = List.copyOf(events);
		this.comments = List.copyOf(comments);
	}

	/** Parses a whole {@code text/event-stream} body. */
	public static ReceivedEvents parse(CharSequence body) {
		return SseParser.parse(body);
	}

	/** Parses a whole {@code text/event-stream} body in UTF-8. */
	public static ReceivedEvents parse(byte[] body) {
		return SseParser.parse(new String(body, StandardCharsets.UTF_8));
	}

	/** The given events, without comments. */
	public static ReceivedEvents of(List<ReceivedEvent> events) {
		return new ReceivedEvents(events, List.of());
	}

	/** The events, in order. */
	public List<ReceivedEvent> events() {
		return this.events;
	}

	/** The comment lines (heartbeats are empty comments), in order. */
	public List<String> comments() {
		return this.comments;
	}

	/** The number of events. */
	public int size() {
		return this.events.size();
	}

	/** The event at {@code index}. */
	public ReceivedEvent get(int index) {
		return this.events.get(index);
	}

	/** The element patches, in order. */
	public List<ReceivedEvent> patchElements() {
		return this.events.stream().filter(ReceivedEvent::isPatchElements).toList();
	}

	/** The signal patches, in order. */
	public List<ReceivedEvent> patchSignals() {
		return this.events.stream().filter(ReceivedEvent::isPatchSignals).toList();
	}

	@Override
	public Iterator<ReceivedEvent> iterator() {
		return this.events.iterator();
	}

	/** The events as written on the wire (without comments). */
	@Override
	public String toString() {
		return this.events.stream().map(ReceivedEvent::toString).collect(Collectors.joining());
	}

}
