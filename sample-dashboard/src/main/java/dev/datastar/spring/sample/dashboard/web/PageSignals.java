package dev.datastar.spring.sample.dashboard.web;

import java.util.regex.Pattern;

import dev.datastar.spring.sample.dashboard.metrics.Range;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The signals a dashboard page sends with its requests that the server reads: which page it is
 * and which range it shows.
 *
 * @param pageId the id the page was rendered with
 * @param range the selected range
 */
record PageSignals(String pageId, Range range) {

	private static final Pattern PAGE_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

	/** Reads and validates the signals JSON; anything wrong is an {@link InvalidSignalsException}. */
	static PageSignals parse(JsonMapper mapper, String json) {
		if (json == null || json.isBlank()) {
			throw new InvalidSignalsException("Datastar signals are missing");
		}
		JsonNode node;
		try {
			node = mapper.readTree(json);
		}
		catch (JacksonException ex) {
			throw new InvalidSignalsException("Datastar signals are not valid JSON");
		}
		String pageId = text(node, "pageId");
		if (pageId == null || !PAGE_ID.matcher(pageId).matches()) {
			throw new InvalidSignalsException("Signal 'pageId' must be 1 to 64 letters, digits or dashes");
		}
		String range = text(node, "range");
		Range parsed = Range.fromLabel((range != null) ? range : "")
			.orElseThrow(() -> new InvalidSignalsException("Signal 'range' must be one of 1m, 5m, 15m"));
		return new PageSignals(pageId, parsed);
	}

	private static String text(JsonNode node, String name) {
		JsonNode value = node.get(name);
		return (value != null && value.isString()) ? value.stringValue() : null;
	}

	/** Signals the server cannot work with: a 400 for the caller. */
	static final class InvalidSignalsException extends RuntimeException {

		InvalidSignalsException(String message) {
			super(message);
		}

	}

}
