package io.github.datastarspring.realtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import io.github.datastarspring.core.DatastarEvent;
import io.github.datastarspring.core.DatastarEventEncoder;
import io.github.datastarspring.core.DatastarSink;

/**
 * One topic: its subscribers, id sequence, replay buffer and coalescing window. Publishing,
 * subscribing and flushing hold the topic lock, so each subscriber is added between two
 * publications; leaving is lock-free, so a sink may report its end from any thread.
 */
final class BroadcastTopic {

	/** What all topics of one broadcaster share. */
	record Shared(DatastarEventEncoder encoder, DatastarBroadcastObserver observer, OverflowPolicy overflow,
			int replayBufferSize, ScheduledExecutorService scheduler) {
	}

	final String name;

	private final String epoch;

	private final Shared shared;

	private final Duration coalesceWindow;

	private final ReentrantLock lock = new ReentrantLock();

	private final Map<DatastarSink, TopicSubscriber> subscribers = new ConcurrentHashMap<>();

	private final ReplayBuffer replay;

	private final Map<String, Pending> pending = new LinkedHashMap<>();

	private long sequence;

	/** Counts publications received, coalesced or not. */
	private long serial;

	private boolean retired;

	private volatile long idleSinceNanos = System.nanoTime();

	BroadcastTopic(String name, String epoch, Shared shared, Duration coalesceWindow) {
		this.name = name;
		this.epoch = epoch;
		this.shared = shared;
		this.coalesceWindow = coalesceWindow;
		this.replay = new ReplayBuffer(shared.replayBufferSize());
	}

	/**
	 * Brings the subscriber up to date and adds it.
	 * @return {@code false} when this topic was retired and the caller must use a new one
	 */
	boolean subscribe(TopicSubscriber subscriber, String lastEventId) {
		this.lock.lock();
		try {
			if (this.retired) {
				return false;
			}
			long seen = EventIds.sequence(lastEventId, this.epoch);
			boolean caughtUp;
			if (seen >= 0 && this.replay.hasAllAfter(seen)) {
				caughtUp = replay(subscriber, seen);
			}
			else {
				caughtUp = sendSnapshot(subscriber, false);
			}
			if (caughtUp) {
				this.subscribers.put(subscriber.sink, subscriber);
				this.shared.observer().streamOpened(this.name);
			}
			else {
				subscriber.close();
				if (subscriber.sink.isOpen()) {
					// What it missed does not fit its send queue: it cannot be brought up to date.
					this.shared.observer().subscriberDropped(this.name);
					subscriber.sink.abort();
				}
			}
			return true;
		}
		finally {
			this.lock.unlock();
		}
	}

	private boolean replay(TopicSubscriber subscriber, long seen) {
		int count = this.replay.countAfter(seen);
		for (Iterator<byte[]> it = this.replay.after(seen); it.hasNext();) {
			if (!subscriber.offer(it.next())) {
				return subscriber.snapshot != null && sendSnapshot(subscriber, true);
			}
		}
		if (count > 0) {
			this.shared.observer().eventsReplayed(this.name, count);
		}
		return true;
	}

	/** Sends the subscriber's snapshot; the last event carries the topic's latest id. */
	private boolean sendSnapshot(TopicSubscriber subscriber, boolean replacingQueued) {
		if (subscriber.snapshot == null) {
			return true;
		}
		// The snapshot shows the state after every publication received so far, coalesced ones
		// still waiting for their window included.
		subscriber.coveredSerial = this.serial;
		List<DatastarEvent> events = new ArrayList<>(2);
		subscriber.snapshot.sendTo(events::add);
		for (int i = 0; i < events.size(); i++) {
			DatastarEvent event = events.get(i);
			if (i == events.size() - 1) {
				event = event.withEventId(EventIds.format(this.epoch, this.sequence));
			}
			byte[] bytes = this.shared.encoder().encode(event);
			boolean queued = (i == 0 && replacingQueued) ? subscriber.sink.offerReplacingQueued(bytes)
					: subscriber.offer(bytes);
			if (!queued) {
				return false;
			}
		}
		return true;
	}

	/** @return {@code false} when this topic was retired and the caller must look again */
	boolean publish(DatastarPublication publication) {
		this.lock.lock();
		try {
			if (this.retired) {
				return false;
			}
			long serial = ++this.serial;
			if (this.coalesceWindow == null) {
				send(publication.event(), serial);
			}
			else {
				coalesce(publication, serial);
			}
			return true;
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Runs {@code task} with publications held back; {@code false} when retired (task not run). */
	boolean locked(Runnable task) {
		this.lock.lock();
		try {
			if (this.retired) {
				return false;
			}
			task.run();
			return true;
		}
		finally {
			this.lock.unlock();
		}
	}

	private void coalesce(DatastarPublication publication, long serial) {
		boolean flushPending = !this.pending.isEmpty();
		// Re-inserting moves the key to the end: the window's events go out in the order of
		// their last publication.
		this.pending.remove(publication.key());
		this.pending.put(publication.key(), new Pending(publication.event(), serial));
		if (!flushPending) {
			this.shared.scheduler().schedule(this::flush, this.coalesceWindow.toNanos(), TimeUnit.NANOSECONDS);
		}
	}

	void flush() {
		this.lock.lock();
		try {
			if (this.pending.isEmpty()) {
				return;
			}
			List<Pending> due = new ArrayList<>(this.pending.values());
			this.pending.clear();
			for (Pending p : due) {
				send(p.event(), p.serial());
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	private void send(DatastarEvent event, long serial) {
		long sequence = ++this.sequence;
		byte[] bytes = this.shared.encoder().encode(event.withEventId(EventIds.format(this.epoch, sequence)));
		this.replay.add(sequence, bytes);
		int sent = 0;
		long now = System.nanoTime();
		for (TopicSubscriber subscriber : this.subscribers.values()) {
			if (serial > subscriber.coveredSerial && deliver(subscriber, bytes, now)) {
				sent++;
			}
		}
		this.shared.observer().eventSent(this.name, sent, bytes.length);
	}

	private boolean deliver(TopicSubscriber subscriber, byte[] bytes, long now) {
		if (subscriber.offer(bytes, now)) {
			return true;
		}
		if (!subscriber.sink.isOpen()) {
			remove(subscriber);
			return false;
		}
		if (this.shared.overflow() == OverflowPolicy.LATEST) {
			boolean replaced = (subscriber.snapshot != null) ? sendSnapshot(subscriber, true)
					: subscriber.sink.offerReplacingQueued(bytes);
			if (replaced) {
				return true;
			}
		}
		drop(subscriber);
		return false;
	}

	/** Offers a heartbeat to each subscriber that has been sent nothing since {@code idleSince}. */
	void heartbeat(byte[] comment, long idleSince, long now) {
		for (TopicSubscriber subscriber : this.subscribers.values()) {
			if (subscriber.sink.sendsOwnHeartbeats()) {
				// One owner per stream: it sends its own comments and finds its dead client itself.
				continue;
			}
			if (subscriber.idleSince(idleSince) && !subscriber.offer(comment, now)) {
				if (subscriber.sink.isOpen()) {
					// Its queue stayed full for a whole heartbeat interval: the client is not reading.
					drop(subscriber);
				}
				else {
					remove(subscriber);
				}
			}
		}
	}

	void remove(TopicSubscriber subscriber) {
		if (subscriber.close()) {
			this.subscribers.remove(subscriber.sink, subscriber);
			this.idleSinceNanos = System.nanoTime();
			this.shared.observer().streamClosed(this.name);
		}
	}

	private void drop(TopicSubscriber subscriber) {
		if (!subscriber.isClosed()) {
			remove(subscriber);
			this.shared.observer().subscriberDropped(this.name);
			subscriber.sink.abort();
		}
	}

	TopicSubscriber subscriber(DatastarSink sink) {
		return this.subscribers.get(sink);
	}

	int subscriberCount() {
		return this.subscribers.size();
	}

	/** Retires the topic when it has had no subscribers for {@code retentionNanos}. */
	boolean retireIfIdle(long now, long retentionNanos) {
		if (!this.subscribers.isEmpty() || now - this.idleSinceNanos < retentionNanos) {
			return false;
		}
		this.lock.lock();
		try {
			if (this.subscribers.isEmpty() && this.pending.isEmpty()) {
				this.retired = true;
			}
			return this.retired;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Ends every stream, the topic is retired: with a {@code finalEvent}, that event then a normal
	 * end; without, an abort, so that each page reconnects by itself and resumes.
	 */
	void shutdown(byte[] finalEvent) {
		this.lock.lock();
		try {
			this.retired = true;
			this.pending.clear();
			for (TopicSubscriber subscriber : this.subscribers.values()) {
				remove(subscriber);
				if (finalEvent != null) {
					subscriber.offer(finalEvent);
					subscriber.sink.complete();
				}
				else {
					subscriber.sink.abort();
				}
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	private record Pending(DatastarEvent event, long serial) {
	}

}
