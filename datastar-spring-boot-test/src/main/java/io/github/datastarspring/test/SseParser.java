package io.github.datastarspring.test;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Reads {@code text/event-stream} text as it arrives, in pieces of any size, the way the HTML
 * standard tells browsers to: lines end with CR LF, CR or LF; {@code field: value} with one
 * optional space after the colon; a blank line ends an event; lines that start with a colon are
 * comments (heartbeats); unknown fields are ignored.
 *
 * <p>Unlike a browser, an event is reported whenever it had any field, even without data, so a
 * test sees everything the server sent. A piece of an event that never got its blank line is not
 * an event; {@link #pending()} shows it.
 *
 * <p>Not thread-safe: one parser per stream.
 */
public final class SseParser {

	private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
		.onMalformedInput(CodingErrorAction.REPORT)
		.onUnmappableCharacter(CodingErrorAction.REPORT);

	private ByteBuffer undecoded = ByteBuffer.allocate(0);

	private final StringBuilder line = new StringBuilder();

	private final StringBuilder pending = new StringBuilder();

	private final List<String> comments = new ArrayList<>();

	private boolean started;

	private boolean afterCarriageReturn;

	private @Nullable String type;

	private @Nullable String id;

	private @Nullable Duration retry;

	private final List<String> data = new ArrayList<>();

	private boolean hasField;

	/** Parses a whole stream; an unfinished last event is dropped, as by a browser. */
	public static ReceivedEvents parse(CharSequence stream) {
		SseParser parser = new SseParser();
		List<ReceivedEvent> events = parser.accept(stream);
		return new ReceivedEvents(events, parser.comments());
	}

	/** Reads the next piece of UTF-8 bytes, which may end inside a character, and returns the events it completed. */
	public List<ReceivedEvent> accept(byte[] bytes, int offset, int length) {
		ByteBuffer in = ByteBuffer.allocate(this.undecoded.remaining() + length);
		in.put(this.undecoded).put(bytes, offset, length).flip();
		CharBuffer out = CharBuffer.allocate(in.remaining());
		var result = this.decoder.decode(in, out, false);
		if (result.isError()) {
			try {
				result.throwException();
			}
			catch (CharacterCodingException ex) {
				throw new IllegalArgumentException("The stream is not valid UTF-8", ex);
			}
		}
		this.undecoded = in.slice();
		return accept(out.flip());
	}

	/** The same for a whole array. */
	public List<ReceivedEvent> accept(byte[] bytes) {
		return accept(bytes, 0, bytes.length);
	}

	/** Reads the next piece of text and returns the events it completed. */
	public List<ReceivedEvent> accept(CharSequence piece) {
		String text = piece.toString();
		List<ReceivedEvent> completed = new ArrayList<>();
		int i = 0;
		if (!this.started && !text.isEmpty()) {
			this.started = true;
			if (text.charAt(0) == '\uFEFF') {
				i = 1;
			}
		}
		int length = text.length();
		while (i < length) {
			if (this.afterCarriageReturn) {
				this.afterCarriageReturn = false;
				if (text.charAt(i) == '\n') {
					// The LF of a CR LF: the line already ended.
					if (this.pending.length() > 0) {
						this.pending.append('\n');
					}
					i++;
					continue;
				}
			}
			int end = i;
			while (end < length && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
				end++;
			}
			// Whole runs at once: events can be large (a page of HTML), pieces small.
			this.line.append(text, i, end);
			this.pending.append(text, i, end);
			if (end == length) {
				break;
			}
			char terminator = text.charAt(end);
			this.pending.append(terminator);
			this.afterCarriageReturn = (terminator == '\r');
			ReceivedEvent event = endLine();
			if (event != null) {
				completed.add(event);
			}
			i = end + 1;
		}
		return completed;
	}

	/** Every comment line so far without its colon and the one space after it (heartbeats are empty). */
	public List<String> comments() {
		return List.copyOf(this.comments);
	}

	/** What arrived after the last complete event: a part of an event, or empty. */
	public String pending() {
		return this.pending.toString();
	}

	private @Nullable ReceivedEvent endLine() {
		String text = this.line.toString();
		this.line.setLength(0);
		if (text.isEmpty()) {
			this.pending.setLength(0);
			if (!this.hasField) {
				return null;
			}
			ReceivedEvent event = new ReceivedEvent(this.type, this.id, this.retry, this.data);
			this.type = null;
			this.id = null;
			this.retry = null;
			this.data.clear();
			this.hasField = false;
			return event;
		}
		if (text.charAt(0) == ':') {
			this.comments.add(text.startsWith(": ") ? text.substring(2) : text.substring(1));
			if (!this.hasField) {
				this.pending.setLength(0);
			}
			return null;
		}
		int colon = text.indexOf(':');
		String name = (colon < 0) ? text : text.substring(0, colon);
		String value = (colon < 0) ? "" : text.substring(colon + 1);
		if (value.startsWith(" ")) {
			value = value.substring(1);
		}
		switch (name) {
			case "event" -> this.type = value;
			case "data" -> this.data.add(value);
			case "id" -> this.id = value;
			case "retry" -> {
				if (!value.isEmpty() && value.chars().allMatch((d) -> d >= '0' && d <= '9')) {
					this.retry = Duration.ofMillis(Long.parseLong(value));
				}
			}
			default -> {
				return null;
			}
		}
		this.hasField = true;
		return null;
	}

}
