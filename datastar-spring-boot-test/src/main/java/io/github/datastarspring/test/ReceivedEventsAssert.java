package io.github.datastarspring.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.AbstractListAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ListAssert;
import org.jspecify.annotations.Nullable;

/**
 * Assertions on the events of a response: every AssertJ list assertion ({@code hasSize},
 * {@code first()}, {@code element(2)}, {@code allSatisfy}) with {@link ReceivedEventAssert} for
 * each event, plus Datastar ones.
 */
public class ReceivedEventsAssert extends
		AbstractListAssert<ReceivedEventsAssert, List<ReceivedEvent>, ReceivedEvent, ReceivedEventAssert> {

	private static final Pattern TAG = Pattern
		.compile("<([a-zA-Z][a-zA-Z0-9-]*)((?:\\s+[^\\s=>]+(?:=\"[^\"]*\")?)*)\\s*(/?)>");

	private static final Pattern ATTRIBUTE = Pattern.compile("([^\\s=>]+)(?:=\"([^\"]*)\")?");

	private final List<String> comments;

	/** Assertions on {@code actual}; prefer {@link DatastarAssertions#assertThat(ReceivedEvents)}. */
	public ReceivedEventsAssert(@Nullable ReceivedEvents actual) {
		this((actual != null) ? actual.events() : null, (actual != null) ? actual.comments() : List.of());
	}

	private ReceivedEventsAssert(@Nullable List<ReceivedEvent> events, List<String> comments) {
		super(events, ReceivedEventsAssert.class);
		this.comments = comments;
	}

	@Override
	protected ReceivedEventAssert toAssert(ReceivedEvent value, String description) {
		return new ReceivedEventAssert(value).as(description);
	}

	@Override
	protected ReceivedEventsAssert newAbstractIterableAssert(Iterable<? extends ReceivedEvent> iterable) {
		List<ReceivedEvent> events = new ArrayList<>();
		iterable.forEach(events::add);
		return new ReceivedEventsAssert(events, this.comments);
	}

	/** Continues with the element patches only. */
	public ReceivedEventsAssert patchElements() {
		isNotNull();
		return new ReceivedEventsAssert(this.actual.stream().filter(ReceivedEvent::isPatchElements).toList(),
				this.comments).as(describe("element patches"));
	}

	/** Continues with the signal patches only. */
	public ReceivedEventsAssert patchSignals() {
		isNotNull();
		return new ReceivedEventsAssert(this.actual.stream().filter(ReceivedEvent::isPatchSignals).toList(),
				this.comments).as(describe("signal patches"));
	}

	/** List assertions on the comment lines (heartbeats are empty comments). */
	public ListAssert<String> comments() {
		isNotNull();
		return Assertions.assertThat(this.comments).as(describe("comments"));
	}

	/**
	 * The events are equivalent to an expected stream (text in the wire format) by the rules of
	 * the official Datastar SDK test suite: the same number of events; equal {@code event},
	 * {@code id} and {@code retry} lines; data lines grouped by their first word, in order only
	 * within a group; the {@code elements} compared as HTML with each tag's attributes sorted.
	 * Comments are ignored.
	 */
	public ReceivedEventsAssert isEquivalentTo(String expectedStream) {
		isNotNull();
		List<ReceivedEvent> expected = SseParser.parse(expectedStream).events();
		String actualText = ReceivedEvents.of(this.actual).toString();
		if (this.actual.size() != expected.size()) {
			failWithActualExpectedAndMessage(actualText, expectedStream, "%nExpected %d events but got %d:%n%s",
					expected.size(), this.actual.size(), actualText);
		}
		for (int i = 0; i < expected.size(); i++) {
			Map<String, Object> want = comparable(expected.get(i));
			Map<String, Object> got = comparable(this.actual.get(i));
			if (!want.equals(got)) {
				failWithActualExpectedAndMessage(got, want, "%nEvent %d differs:%n  expected %s%n  but was  %s%nin stream:%n%s",
						i, want, got, actualText);
			}
		}
		return this;
	}

	/** What the suite compares of one event. */
	private static Map<String, Object> comparable(ReceivedEvent event) {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("event", event.type());
		result.put("id", Objects.toString(event.id(), ""));
		result.put("retry", (event.retry() != null) ? event.retry().toMillis() : "");
		Map<String, List<String>> groups = new TreeMap<>();
		for (String line : event.data()) {
			int space = line.indexOf(' ');
			String key = (space < 0) ? line : line.substring(0, space);
			groups.computeIfAbsent(key, (k) -> new ArrayList<>()).add((space < 0) ? "" : line.substring(space + 1));
		}
		groups.forEach((key, lines) -> result.put(key,
				key.equals("elements") ? sortAttributes(String.join("\n", lines)) : lines));
		return result;
	}

	/** Rewrites every start tag with its attributes in sorted order. */
	static String sortAttributes(String html) {
		Matcher tags = TAG.matcher(html);
		StringBuilder out = new StringBuilder();
		while (tags.find()) {
			TreeMap<String, @Nullable String> attributes = new TreeMap<>();
			Matcher attribute = ATTRIBUTE.matcher(tags.group(2));
			while (attribute.find()) {
				attributes.put(attribute.group(1), attribute.group(2));
			}
			StringBuilder tag = new StringBuilder("<").append(tags.group(1));
			attributes.forEach((name, value) -> tag.append(' ').append(name)
				.append((value == null) ? "" : "=\"" + value + "\""));
			tag.append(tags.group(3)).append('>');
			tags.appendReplacement(out, Matcher.quoteReplacement(tag.toString()));
		}
		tags.appendTail(out);
		return out.toString();
	}

	private String describe(String what) {
		String description = this.info.descriptionText();
		return (description == null || description.isEmpty()) ? what : description + ": " + what;
	}

}
