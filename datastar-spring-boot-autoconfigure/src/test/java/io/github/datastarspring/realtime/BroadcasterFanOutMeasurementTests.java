package io.github.datastarspring.realtime;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.github.datastarspring.core.DatastarEventEncoder;
import io.github.datastarspring.core.DatastarEvents;
import io.github.datastarspring.core.DatastarSink;
import io.github.datastarspring.core.PatchElements;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures one publish fanned out to many in-memory sinks: time, and memory allocated on the
 * publishing thread. Prints the numbers; asserts only that allocation does not grow with the
 * number of subscribers (the event is encoded once, offering allocates nothing).
 */
class BroadcasterFanOutMeasurementTests {

	private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory
		.getThreadMXBean();

	@Test
	void onePublishToManySinks() {
		PatchElements event = DatastarEvents.patchElements(
				"<ul id=\"todos\">" + "<li id=\"todo-1\" class=\"completed\">Write the hub</li>".repeat(10) + "</ul>");
		long previousPerSubscriber = Long.MAX_VALUE;
		for (int subscribers : new int[] { 1, 1_000, 10_000, 100_000 }) {
			try (InMemoryDatastarBroadcaster broadcaster = InMemoryDatastarBroadcaster
				.builder(new DatastarEventEncoder())
				.heartbeat(Duration.ZERO)
				.build()) {
				CountingSink[] sinks = new CountingSink[subscribers];
				for (int i = 0; i < subscribers; i++) {
					sinks[i] = broadcaster.subscribe("t", new CountingSink());
				}
				int rounds = Math.max(20, 2_000_000 / subscribers);
				for (int i = 0; i < rounds; i++) {
					broadcaster.publish("t", event);
				}
				long allocatedBefore = THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
				long start = System.nanoTime();
				for (int i = 0; i < rounds; i++) {
					broadcaster.publish("t", event);
				}
				long nanos = (System.nanoTime() - start) / rounds;
				long allocated = (THREADS.getThreadAllocatedBytes(Thread.currentThread().getId()) - allocatedBefore)
						/ rounds;
				assertThat(sinks[subscribers - 1].events.get()).isEqualTo(2L * rounds);
				System.out.printf("fan-out to %,7d sinks: %,10d ns per publish (%,6.1f ns per subscriber), "
						+ "%,7d bytes allocated per publish%n", subscribers, nanos, (double) nanos / subscribers,
						allocated);
				long perSubscriber = allocated / subscribers;
				assertThat(perSubscriber).isLessThanOrEqualTo(Math.max(previousPerSubscriber, 8));
				previousPerSubscriber = perSubscriber;
			}
		}
	}

	/** Counts what it is offered and keeps nothing, so that only the broadcaster is measured. */
	static final class CountingSink implements DatastarSink {

		final AtomicLong events = new AtomicLong();

		@Override
		public boolean offer(byte[] encodedEvent) {
			this.events.incrementAndGet();
			return true;
		}

		@Override
		public boolean offerReplacingQueued(byte[] encodedEvent) {
			return offer(encodedEvent);
		}

		@Override
		public boolean isOpen() {
			return true;
		}

		@Override
		public void complete() {
		}

		@Override
		public void onClose(Runnable callback) {
		}

	}

}
