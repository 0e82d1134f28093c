package io.github.datastarspring.core;

/**
 * The rule for options written on one line: a CR or LF inside one would end the line early and
 * let a caller forge data lines or whole events, so it is refused.
 */
final class SingleLine {

	private SingleLine() {
	}

	static String require(String option, String value) {
		if (value != null) {
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				if (c == '\r' || c == '\n') {
					throw new IllegalArgumentException(
							"Datastar option '" + option + "' must be a single line but contains CR or LF");
				}
			}
		}
		return value;
	}

	static java.time.Duration requireRetry(java.time.Duration retry) {
		if (retry != null && (retry.isNegative() || retry.toMillis() > Integer.MAX_VALUE)) {
			throw new IllegalArgumentException("Datastar retry must be between 0 and " + Integer.MAX_VALUE
					+ " ms but was " + retry.toMillis() + " ms");
		}
		return retry;
	}

}
