package io.github.datastarspring.conformance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The comparison rules of the official suite: same number of events; {@code event}, {@code id},
 * {@code retry} lines equal; data lines grouped by their first word, order significant only within
 * a group; {@code elements} compared as HTML with attributes sorted.
 */
public final class SseComparison {

	private SseComparison() {
	}

	/** One parsed event: its header fields and its data lines grouped by first word. */
	record ParsedEvent(Map<String, String> fields, Map<String, List<String>> data) {
	}

	public static void assertEquivalent(String expected, String actual) {
		List<ParsedEvent> want = parse(expected);
		List<ParsedEvent> got = parse(actual);
		assertThat(got).as("events of stream:%n%s", actual).hasSameSizeAs(want);
		for (int i = 0; i < want.size(); i++) {
			assertThat(got.get(i).fields()).as("event %d header lines of:%n%s", i, actual).isEqualTo(want.get(i).fields());
			assertThat(normalise(got.get(i).data())).as("event %d data lines of:%n%s", i, actual)
				.isEqualTo(normalise(want.get(i).data()));
		}
	}

	static List<ParsedEvent> parse(String text) {
		List<ParsedEvent> events = new ArrayList<>();
		Map<String, String> fields = new TreeMap<>();
		Map<String, List<String>> data = new TreeMap<>();
		for (String line : text.split("\r\n|\r|\n", -1)) {
			if (line.isEmpty()) {
				if (!fields.isEmpty() || !data.isEmpty()) {
					events.add(new ParsedEvent(fields, data));
					fields = new TreeMap<>();
					data = new TreeMap<>();
				}
				continue;
			}
			if (line.startsWith(":")) {
				continue;
			}
			int colon = line.indexOf(':');
			String name = colon < 0 ? line : line.substring(0, colon);
			String value = colon < 0 ? "" : line.substring(colon + 1);
			if (value.startsWith(" ")) {
				value = value.substring(1);
			}
			if (name.equals("data")) {
				int space = value.indexOf(' ');
				String key = space < 0 ? value : value.substring(0, space);
				data.computeIfAbsent(key, k -> new ArrayList<>()).add(space < 0 ? "" : value.substring(space + 1));
			}
			else {
				fields.put(name, value);
			}
		}
		if (!fields.isEmpty() || !data.isEmpty()) {
			events.add(new ParsedEvent(fields, data));
		}
		return events;
	}

	private static final Pattern TAG = Pattern.compile("<([a-zA-Z][a-zA-Z0-9-]*)((?:\\s+[^\\s=>]+(?:=\"[^\"]*\")?)*)\\s*(/?)>");

	private static final Pattern ATTRIBUTE = Pattern.compile("([^\\s=>]+)(?:=\"([^\"]*)\")?");

	private static Map<String, Object> normalise(Map<String, List<String>> data) {
		Map<String, Object> result = new LinkedHashMap<>();
		data.forEach((key, lines) -> result.put(key,
				key.equals("elements") ? sortAttributes(String.join("\n", lines)) : lines));
		return result;
	}

	/** Rewrites every start tag with its attributes in sorted order. */
	static String sortAttributes(String html) {
		Matcher m = TAG.matcher(html);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			TreeMap<String, String> attributes = new TreeMap<>();
			Matcher a = ATTRIBUTE.matcher(m.group(2));
			while (a.find()) {
				attributes.put(a.group(1), a.group(2));
			}
			StringBuilder tag = new StringBuilder("<").append(m.group(1));
			attributes.forEach((k, v) -> tag.append(' ').append(k).append(v == null ? "" : "=\"" + v + "\""));
			tag.append(m.group(3)).append('>');
			m.appendReplacement(out, Matcher.quoteReplacement(tag.toString()));
		}
		m.appendTail(out);
		return out.toString();
	}

}
