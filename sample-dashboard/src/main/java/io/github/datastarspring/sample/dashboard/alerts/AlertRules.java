package io.github.datastarspring.sample.dashboard.alerts;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import io.github.datastarspring.sample.dashboard.alerts.Alert.Severity;
import io.github.datastarspring.sample.dashboard.metrics.MetricSnapshot;

/**
 * Threshold rules over each snapshot, with hysteresis: a rule fires when its value crosses the
 * trigger and resolves only once it falls below a lower level, so a value hovering at the
 * threshold does not flood the feed. Also announces order milestones. Called from one thread.
 */
public class AlertRules {

	private static final long MILESTONE = 100_000;

	private final AlertFeed feed;

	private final List<Rule> rules = List.of(
			new Rule("High error rate", Severity.CRITICAL, s -> 100 * s.errorRate(), 5, 2, "%.1f %%"),
			new Rule("Slow responses (p99)", Severity.WARNING, MetricSnapshot::p99Millis, 250, 150, "%.0f ms"),
			new Rule("Heap pressure", Severity.WARNING, s -> 100 * s.heapRatio(), 85, 75, "%.0f %%"),
			new Rule("CPU saturation", Severity.WARNING, s -> 100 * s.cpu(), 90, 70, "%.0f %%"));

	private long lastMilestone;

	public AlertRules(AlertFeed feed) {
		this.feed = feed;
	}

	/** Raises the alerts {@code snapshot} calls for. */
	public void evaluate(MetricSnapshot snapshot) {
		for (Rule rule : this.rules) {
			rule.evaluate(snapshot, this.feed);
		}
		long milestone = snapshot.business().orders() / MILESTONE;
		if (milestone > this.lastMilestone) {
			if (this.lastMilestone > 0 || milestone == 1) {
				this.feed.raise(snapshot.epochMillis(), Severity.INFO, "Order milestone",
						String.format(Locale.US, "%,d orders placed", milestone * MILESTONE));
			}
			this.lastMilestone = milestone;
		}
	}

	private static final class Rule {

		private final String title;

		private final Severity severity;

		private final ToDoubleFunction<MetricSnapshot> value;

		private final double trigger;

		private final double clear;

		private final String format;

		private boolean firing;

		Rule(String title, Severity severity, ToDoubleFunction<MetricSnapshot> value, double trigger, double clear,
				String format) {
			this.title = title;
			this.severity = severity;
			this.value = value;
			this.trigger = trigger;
			this.clear = clear;
			this.format = format;
		}

		void evaluate(MetricSnapshot snapshot, AlertFeed feed) {
			double v = this.value.applyAsDouble(snapshot);
			if (!this.firing && v >= this.trigger) {
				this.firing = true;
				feed.raise(snapshot.epochMillis(), this.severity, this.title,
						format(v) + " (threshold " + format(this.trigger) + ")");
			}
			else if (this.firing && v < this.clear) {
				this.firing = false;
				feed.raise(snapshot.epochMillis(), Severity.RESOLVED, this.title + " resolved", "now " + format(v));
			}
		}

		private String format(double v) {
			return String.format(Locale.US, this.format, v);
		}

	}

}
