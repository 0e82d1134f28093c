package io.github.datastarspring.sample.dashboard.alerts;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.github.datastarspring.sample.dashboard.alerts.Alert.Severity;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/** The most recent alerts, newest first, and a live stream of new ones. Thread-safe. */
public class AlertFeed {

	private final int capacity;

	private final Deque<Alert> recent = new ArrayDeque<>();

	private final AtomicLong ids = new AtomicLong();

	private final Sinks.Many<Alert> added = Sinks.many().multicast().directBestEffort();

	public AlertFeed(int capacity) {
		this.capacity = capacity;
	}

	/** Records and broadcasts a new alert. */
	public Alert raise(long epochMillis, Severity severity, String title, String detail) {
		Alert alert = new Alert(this.ids.incrementAndGet(), epochMillis, severity, title, detail);
		synchronized (this) {
			this.recent.addFirst(alert);
			while (this.recent.size() > this.capacity) {
				this.recent.removeLast();
			}
		}
		// Never under the lock: subscribers take other locks (the hub's), and the hub's snapshots
		// read recent(). Alerts are raised by one thread, so they are still emitted in id order.
		this.added.tryEmitNext(alert);
		return alert;
	}

	/** The kept alerts, newest first. */
	public synchronized List<Alert> recent() {
		return new ArrayList<>(this.recent);
	}

	/** Alerts raised from now on. */
	public Flux<Alert> added() {
		return this.added.asFlux();
	}

	public int capacity() {
		return this.capacity;
	}

}
