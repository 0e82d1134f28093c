package io.github.datastarspring.sample.dashboard.alerts;

/**
 * One entry of the alert feed.
 *
 * @param id increasing number, unique per run (used as the element id)
 * @param epochMillis when it fired
 * @param severity how bad
 * @param title short text
 * @param detail the measured value and the threshold
 */
public record Alert(long id, long epochMillis, Severity severity, String title, String detail) {

	/** How bad an alert is; also its CSS class. */
	public enum Severity {

		CRITICAL, WARNING, RESOLVED, INFO;

		public String cssClass() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

}
