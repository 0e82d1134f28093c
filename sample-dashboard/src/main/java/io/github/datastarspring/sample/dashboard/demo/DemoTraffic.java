package io.github.datastarspring.sample.dashboard.demo;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How the demo API behaves right now: healthy (fast, rare errors) or in an incident (slow, many
 * errors). Incidents start on a schedule or on demand and end by themselves.
 */
public class DemoTraffic {

	private final Duration every;

	private final Duration length;

	private final long startNanos = System.nanoTime();

	private volatile long manualUntilNanos = Long.MIN_VALUE;

	public DemoTraffic(Duration every, Duration length) {
		this.every = every;
		this.length = length;
	}

	/** Starts an incident now. */
	public void startIncident() {
		this.manualUntilNanos = System.nanoTime() + this.length.toNanos();
	}

	/** Whether the API is degraded at this moment. */
	public boolean inIncident() {
		long now = System.nanoTime();
		if (now < this.manualUntilNanos) {
			return true;
		}
		if (this.every.isZero() || this.every.isNegative()) {
			return false;
		}
		long sinceStart = now - this.startNanos;
		long period = this.every.toNanos();
		// the first scheduled incident comes one period after start
		return sinceStart >= period && (sinceStart % period) < this.length.toNanos();
	}

	/** How long the next request takes. */
	public Duration nextLatency() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		double median = inIncident() ? 140 : 18;
		double millis = Math.exp(Math.log(median) + 0.55 * random.nextGaussian());
		return Duration.ofMillis(Math.max(1, Math.round(millis)));
	}

	/** Whether the next request fails. */
	public boolean nextFails() {
		return ThreadLocalRandom.current().nextDouble() < (inIncident() ? 0.18 : 0.004);
	}

}
