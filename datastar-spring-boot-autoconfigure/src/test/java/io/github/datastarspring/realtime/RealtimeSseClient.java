package io.github.datastarspring.realtime;

import java.time.Duration;

import io.github.datastarspring.test.LiveEventStream;
import io.github.datastarspring.test.ReceivedEvent;

/**
 * Reads a real server's event stream as it arrives, skipping comments (heartbeats); closing it
 * drops the connection, as a browser tab that goes away. A thin delegate to
 * {@link LiveEventStream} of datastar-spring-boot-test, kept for its callers.
 */
final class RealtimeSseClient implements AutoCloseable {

	private static final Duration WAIT = Duration.ofSeconds(60);

	private final LiveEventStream stream;

	private RealtimeSseClient(LiveEventStream stream) {
		this.stream = stream;
	}

	/** Opens the stream, with {@code Last-Event-ID} when not {@code null}. */
	static RealtimeSseClient open(String url, String lastEventId) throws Exception {
		LiveEventStream stream = LiveEventStream.connect(url).lastEventId(lastEventId).open();
		if (stream.status() != 200) {
			stream.close();
			throw new IllegalStateException("HTTP " + stream.status());
		}
		return new RealtimeSseClient(stream);
	}

	/** The next event's lines (without comments and the blank line), or {@code null} at the end. */
	String nextEvent() {
		ReceivedEvent event = this.stream.pollEvent(WAIT);
		if (event == null) {
			if (this.stream.ending() == null) {
				throw new AssertionError("No event within " + WAIT + "; received:\n" + this.stream.received());
			}
			return null;
		}
		String text = event.toString();
		return text.substring(0, text.length() - 1);
	}

	@Override
	public void close() {
		this.stream.close();
	}

	static String id(String event) {
		return TestSink.id(event);
	}

	/** The number in a {@code <p id="...">n</p>} patch. */
	static int value(String event) {
		String html = TestSink.elements(event);
		return Integer.parseInt(html.substring(html.indexOf('>') + 1, html.lastIndexOf('<')));
	}

	static boolean isSnapshot(String event) {
		return TestSink.elements(event).startsWith("<p id=\"s\">");
	}

}
