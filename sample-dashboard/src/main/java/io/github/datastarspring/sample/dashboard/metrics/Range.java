package io.github.datastarspring.sample.dashboard.metrics;

import java.time.Duration;
import java.util.Optional;

/** The time windows a page can show; each is drawn with {@link #POINTS} points. */
public enum Range {

	ONE_MINUTE("1m", Duration.ofMinutes(1)),

	FIVE_MINUTES("5m", Duration.ofMinutes(5)),

	FIFTEEN_MINUTES("15m", Duration.ofMinutes(15));

	/** Points per chart, whatever the range: the resolution coarsens with the window. */
	public static final int POINTS = 60;

	private final String label;

	private final Duration window;

	Range(String label, Duration window) {
		this.label = label;
		this.window = window;
	}

	/** The short name used in URLs and signals: {@code 1m}, {@code 5m}, {@code 15m}. */
	public String label() {
		return this.label;
	}

	public Duration window() {
		return this.window;
	}

	/** The time one point of the chart averages. */
	public Duration step() {
		return this.window.dividedBy(POINTS);
	}

	/** The range named {@code label}, if there is one. */
	public static Optional<Range> fromLabel(String label) {
		for (Range r : values()) {
			if (r.label.equals(label)) {
				return Optional.of(r);
			}
		}
		return Optional.empty();
	}

}
