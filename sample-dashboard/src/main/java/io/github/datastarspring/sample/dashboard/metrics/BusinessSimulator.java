package io.github.datastarspring.sample.dashboard.metrics;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import org.springframework.context.SmartLifecycle;

/**
 * A simulated shop placing orders at a high rate (thousands per second by default), on its own
 * thread. Every order is one update of {@link #updates()}: far more than a browser could take,
 * which is the point: each page receives a coalesced view of it.
 *
 * <p>The order rate swings slowly (a sine of a few minutes plus noise) so the chart has a shape.
 */
public class BusinessSimulator implements SmartLifecycle {

	private final int ratePerSecond;

	private final Sinks.Many<BusinessTotals> sink = Sinks.many().multicast().directBestEffort();

	private final AtomicReference<BusinessTotals> totals = new AtomicReference<>(BusinessTotals.NONE);

	private volatile Thread thread;

	public BusinessSimulator(int ratePerSecond) {
		this.ratePerSecond = ratePerSecond;
	}

	/** Every update as it happens; slow subscribers miss updates rather than slow the shop down. */
	public Flux<BusinessTotals> updates() {
		return this.sink.asFlux();
	}

	/** The totals now. */
	public BusinessTotals current() {
		return this.totals.get();
	}

	@Override
	public void start() {
		if (this.ratePerSecond <= 0) {
			return;
		}
		Thread t = new Thread(this::run, "business-simulator");
		t.setDaemon(true);
		this.thread = t;
		t.start();
	}

	@Override
	public void stop() {
		Thread t = this.thread;
		this.thread = null;
		if (t != null) {
			t.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.thread != null;
	}

	private void run() {
		long periodNanos = Duration.ofMillis(5).toNanos();
		long start = System.nanoTime();
		long next = start;
		double owed = 0;
		while (this.thread == Thread.currentThread() && !Thread.currentThread().isInterrupted()) {
			double seconds = (next - start) / 1e9;
			double swing = 1 + 0.35 * Math.sin(seconds * 2 * Math.PI / 180) + 0.15 * Math.sin(seconds * 2 * Math.PI / 23);
			owed += this.ratePerSecond * swing * periodNanos / 1e9;
			int batch = (int) owed;
			owed -= batch;
			for (int i = 0; i < batch; i++) {
				placeOrder();
			}
			next += periodNanos;
			long wait = next - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
		}
	}

	private void placeOrder() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		// order amounts are roughly log-normal around 40 units, like real baskets
		long cents = Math.max(199, Math.round(Math.exp(3.6 + 0.6 * random.nextGaussian()) * 100));
		BusinessTotals before = this.totals.get();
		BusinessTotals after = new BusinessTotals(before.orders() + 1, before.revenueCents() + cents, cents);
		this.totals.set(after); // one writer thread
		this.sink.tryEmitNext(after);
	}

}
