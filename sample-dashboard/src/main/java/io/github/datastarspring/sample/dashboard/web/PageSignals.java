package io.github.datastarspring.sample.dashboard.web;

import java.util.List;
import java.util.regex.Pattern;

import io.github.datastarspring.core.DatastarSignalsException;
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
			throw invalid("pageId", "Signal 'pageId' must be 1 to 64 letters, digits or dashes");
		}
		return this.pageId;
	}

	/** The range, checked. */
	Range validRange() {
		return Range.fromLabel((this.range != null) ? this.range : "")
			.orElseThrow(() -> invalid("range", "Signal 'range' must be one of 1m, 5m, 15m"));
	}

	/**
	 * Signals the server cannot work with: the starter's own signals error, so the page shows the
	 * message (a Datastar request) and other callers get a 400 with problem details.
	 */
	private static DatastarSignalsException invalid(String signal, String message) {
		return new DatastarSignalsException(400, message, signal, List.of(), null);
	}

}
