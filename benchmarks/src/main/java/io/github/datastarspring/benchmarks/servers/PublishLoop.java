package io.github.datastarspring.benchmarks.servers;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Publishes {@code count} events at a fixed rate on one thread, for at most {@code maxSeconds}; when a publish overruns its slot the
 * next starts at once (that is how saturation is reached). Each event's HTML starts with
 * {@code <div data-t="<seq>-<System.nanoTime()>"}: the publish time on CLOCK_MONOTONIC, which the
 * load generator on the same machine subtracts from the arrival time. (In the HTML rather than the
 * event id because the starter's broadcaster assigns its own ids.)
 */
final class PublishLoop {

	private final AtomicBoolean running = new AtomicBoolean();

	private long seq;

	boolean start(FanOut fanOut, double rate, int count, double maxSeconds, String html) {
		if (!this.running.compareAndSet(false, true)) {
			return false;
		}
		Thread thread = new Thread(() -> {
			try {
				long period = (long) (TimeUnit.SECONDS.toNanos(1) / rate);
				long start = System.nanoTime();
				long stop = start + (long) (maxSeconds * 1e9);
				for (int i = 0; i < count && System.nanoTime() - stop < 0; i++) {
					long due = start + i * period;
					long wait;
					while ((wait = due - System.nanoTime()) > 0) {
						LockSupport.parkNanos(wait);
					}
					fanOut.publish(stamp(html, ++this.seq, System.nanoTime()));
				}
			}
			finally {
				this.running.set(false);
			}
		}, "publisher");
		thread.setDaemon(true);
		thread.start();
		return true;
	}

	/** {@code <div ...} becomes {@code <div data-t="seq-nanos" ...}. */
	static String stamp(String html, long seq, long nanos) {
		return "<div data-t=\"" + seq + "-" + nanos + "\"" + html.substring(4);
	}

	boolean isRunning() {
		return this.running.get();
	}

}
