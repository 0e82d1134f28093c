package io.github.datastarspring.sample.dashboard.metrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RangedSeriesTests {

	@Test
	void oneMinuteRangeKeepsOnePointPerSecondAndForgetsTheOldest() {
		RangedSeries series = new RangedSeries();
		for (int i = 0; i < 100; i++) {
			series.add(i * 1000L, i);
		}
		Series oneMinute = series.series(Range.ONE_MINUTE);
		assertThat(oneMinute.size()).isEqualTo(Range.POINTS);
		assertThat(oneMinute.last()).isEqualTo(99);
		assertThat(oneMinute.values()[0]).isEqualTo(40);
		assertThat(oneMinute.times()).isSorted();
	}

	@Test
	void coarserRangesAverageTheirBuckets() {
		RangedSeries series = new RangedSeries();
		for (int i = 0; i < 12; i++) {
			series.add(i * 1000L, i);
		}
		Series fiveMinutes = series.series(Range.FIVE_MINUTES);
		// buckets [0,5s) and [5s,10s) are closed, [10s,15s) is still filling
		assertThat(fiveMinutes.values()).containsExactly(2.0, 7.0, 10.5);
		assertThat(fiveMinutes.times()).containsExactly(5000L, 10000L, 15000L);
		assertThat(series.series(Range.FIFTEEN_MINUTES).values()).containsExactly(5.5);
	}

	@Test
	void theOpenBucketMovesWithEverySample() {
		RangedSeries series = new RangedSeries();
		series.add(0, 10);
		assertThat(series.series(Range.FIFTEEN_MINUTES).last()).isEqualTo(10);
		series.add(1000, 20);
		assertThat(series.series(Range.FIFTEEN_MINUTES).last()).isEqualTo(15);
	}

	@Test
	void neverMoreThanPointsPerRangeHoweverLongItRuns() {
		RangedSeries series = new RangedSeries();
		for (long t = 0; t < 3_600_000; t += 1000) {
			series.add(t, 1);
		}
		for (Range range : Range.values()) {
			assertThat(series.series(range).size()).isEqualTo(Range.POINTS);
		}
	}

	@Test
	void emptySeriesHasNoPoints() {
		assertThat(new RangedSeries().series(Range.ONE_MINUTE).isEmpty()).isTrue();
	}

}
