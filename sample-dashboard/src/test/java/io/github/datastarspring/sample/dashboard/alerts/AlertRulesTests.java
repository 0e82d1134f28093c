package io.github.datastarspring.sample.dashboard.alerts;

import io.github.datastarspring.sample.dashboard.alerts.Alert.Severity;
import io.github.datastarspring.sample.dashboard.metrics.BusinessTotals;
import io.github.datastarspring.sample.dashboard.metrics.MetricSnapshot;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AlertRulesTests {

	private final AlertFeed feed = new AlertFeed(10);

	private final AlertRules rules = new AlertRules(this.feed);

	@Test
	void firesOnceWhenCrossingAndResolvesOnlyBelowTheClearLevel() {
		this.rules.evaluate(errors(0.01));
		assertThat(this.feed.recent()).isEmpty();
		this.rules.evaluate(errors(0.08));
		this.rules.evaluate(errors(0.09));
		this.rules.evaluate(errors(0.03)); // below the trigger but above the clear level
		assertThat(this.feed.recent()).extracting(Alert::severity).containsExactly(Severity.CRITICAL);
		this.rules.evaluate(errors(0.01));
		assertThat(this.feed.recent()).extracting(Alert::severity).containsExactly(Severity.RESOLVED, Severity.CRITICAL);
		assertThat(this.feed.recent().get(1).detail()).isEqualTo("8.0 % (threshold 5.0 %)");
	}

	@Test
	void feedKeepsTheNewestUpToItsCapacity() {
		AlertFeed small = new AlertFeed(3);
		for (int i = 0; i < 5; i++) {
			small.raise(i, Severity.INFO, "t" + i, "");
		}
		assertThat(small.recent()).extracting(Alert::title).containsExactly("t4", "t3", "t2");
	}

	@Test
	void announcesOrderMilestones() {
		this.rules.evaluate(orders(99_999));
		this.rules.evaluate(orders(100_001));
		this.rules.evaluate(orders(150_000));
		assertThat(this.feed.recent()).extracting(Alert::detail).containsExactly("100,000 orders placed");
	}

	private static MetricSnapshot errors(double rate) {
		return new MetricSnapshot(0, 10, 10, rate, 1, 100, 0.1, 0, BusinessTotals.NONE, 0);
	}

	private static MetricSnapshot orders(long n) {
		return new MetricSnapshot(0, 10, 10, 0, 1, 100, 0.1, 0, new BusinessTotals(n, 0, 0), 0);
	}

}
