package io.github.datastarspring.sample.dashboard.web;

import java.util.regex.Pattern;

import io.github.datastarspring.sample.dashboard.metrics.Range;

/**
 * The signals of a dashboard page the server reads (bound with {@code @DatastarSignals}; the
 * others, such as {@code kpi}, are ignored): which page it is and which range it shows.
 *
 * @param pageId the id the page was rendered with
 * @param range the selected range label: {@code 1m}, {@code 5m} or {@code 15m}
 */
record PageSignals(String pageId, String range) {

	private static final Pattern PAGE_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

	/** The page id, checked. */
	String validPageId() {
		if (this.pageId == null || !PAGE_ID.matcher(this.pageId).matches()) {
			throw new InvalidSignalsException("Signal 'pageId' must be 1 to 64 letters, digits or dashes");
		}
		return this.pageId;
	}

	/** The range, checked. */
	Range validRange() {
		return Range.fromLabel((this.range != null) ? this.range : "")
			.orElseThrow(() -> new InvalidSignalsException("Signal 'range' must be one of 1m, 5m, 15m"));
	}

	/** Signals the server cannot work with: a 400 for the caller. */
	static final class InvalidSignalsException extends RuntimeException {

		InvalidSignalsException(String message) {
			super(message);
		}

	}

}
