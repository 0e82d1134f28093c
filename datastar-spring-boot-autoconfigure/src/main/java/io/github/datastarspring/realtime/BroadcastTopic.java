package io.github.datastarspring.realtime;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
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
import io.github.datastarspring.realtime.DatastarEventLog.Entry;
import io.github.datastarspring.realtime.DatastarEventLog.Position;
import io.github.datastarspring.realtime.DatastarEventLog.Read;
import io.github.datastarspring.realtime.DatastarEventLog.Status;

/**
 * One topic as this process delivers it: its subscribers, the log position delivered so far and
 * its coalescing window. Delivering, subscribing and flushing hold the topic lock, so each
 * subscriber is added between two entries; leaving is lock-free, so a sink may report its end
 * from any thread. Never calls into {@link DatastarEventLog#locked} while holding its lock (the
 * log's lock comes first).
 */
final class BroadcastTopic {

	/** What all topics of one broadcaster share. */
	record Shared(DatastarEventEncoder encoder, DatastarEventLog log, DatastarBroadcastObserver observer,
			OverflowPolicy overflow, int replayLimit, ScheduledExecutorService scheduler) {
	}

	/** How many entries one catch-up read asks for. */
	static final int BATCH = 512;

	final String name;

	private final Shared shared;

	private final Duration coalesceWindow;

	private final ReentrantLock lock = new ReentrantLock();

	private final Map<DatastarSink, TopicSubscriber> subscribers = new ConcurrentHashMap<>();

	private final Map<String, Pending> pending = new LinkedHashMap<>();

	/** Coalesced events being appended by this process, with their serial (see {@link TopicSubscriber#coveredSerial}). */
	private final Map<byte[], Long> flushing = new IdentityHashMap<>();

	/** The last entry delivered. */
	private volatile Position position;

	/** Counts coalesced publications received. */
	private long serial;

	private boolean retired;

	private volatile long idleSinceNanos = System.nanoTime();

	BroadcastTopic(String name, Position latest, Shared shared, Duration coalesceWindow) {
		this.name = name;
		this.position = latest;
		this.shared = shared;
		this.coalesceWindow = coalesceWindow;
	}

	Position position() {
		return this.position;
	}

	boolean coalesces() {
		return this.coalesceWindow != null;
	}

	/**
	 * Brings the subscriber up to date and adds it; called holding the log's topic lock.
	 * @return {@code false} when this topic was retired and the caller must use a new one
	 */
	boolean subscribe(TopicSubscriber subscriber, String lastEventId) {
		this.lock.lock();
		try {
			if (this.retired) {
				return false;
			}
			catchUpLocked();
			Position seen = Position.parse(lastEventId);
			boolean caughtUp;
			if (seen != null && seen.epoch().equals(this.position.epoch())
					&& seen.sequence() <= this.position.sequence()) {
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

	private boolean replay(TopicSubscriber subscriber, Position seen) {
		long missed = this.position.sequence() - seen.sequence();
		if (missed == 0) {
			return true;
		}
		List<Entry> entries = null;
		if (missed <= this.shared.replayLimit()) {
			Read read = this.shared.log().read(Map.of(this.name, seen), (int) missed).get(this.name);
			if (read != null && read.status() == Status.ENTRIES && read.entries().size() == missed) {
				entries = read.entries();
			}
		}
		if (entries == null) {
			return sendSnapshot(subscriber, false);
		}
		for (Entry entry : entries) {
			if (!subscriber.offer(withId(entry.event(), new Position(seen.epoch(), entry.sequence()).id()))) {
				return subscriber.snapshot != null && sendSnapshot(subscriber, true);
			}
		}
		this.shared.observer().eventsReplayed(this.name, (int) missed);
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
				event = event.withEventId(this.position.id());
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

	/** Holds a coalesced publication back until the end of the window; {@code false} when retired. */
	boolean coalesce(String key, DatastarEvent event) {
		this.lock.lock();
		try {
			if (this.retired) {
				return false;
			}
			boolean flushPending = !this.pending.isEmpty();
			// Re-inserting moves the key to the end: the window's events go out in the order of
			// their last publication.
			this.pending.remove(key);
			this.pending.put(key, new Pending(event, ++this.serial));
			if (!flushPending) {
				this.shared.scheduler().schedule(this::flush, this.coalesceWindow.toNanos(), TimeUnit.NANOSECONDS);
			}
			return true;
		}
		finally {
			this.lock.unlock();
		}
	}

	void flush() {
		List<byte[]> due = new ArrayList<>();
		this.lock.lock();
		try {
			for (Pending p : this.pending.values()) {
				byte[] bytes = this.shared.encoder().encode(p.event());
				this.flushing.put(bytes, p.serial());
				due.add(bytes);
			}
			this.pending.clear();
		}
		finally {
			this.lock.unlock();
		}
		if (due.isEmpty()) {
			return;
		}
		// Appended outside the topic lock: the log's lock is always taken first.
		try {
			for (byte[] bytes : due) {
				Position at = this.shared.log().append(this.name, bytes);
				if (at != null) {
					appended(at, bytes);
				}
			}
		}
		finally {
			this.lock.lock();
			try {
				due.forEach(this.flushing::remove);
			}
			finally {
				this.lock.unlock();
			}
		}
	}

	/**
	 * Delivers an entry this process has just appended at {@code at}: when it is the next one, as
	 * it is, without reading it back from the log; otherwise whatever the log has after the last
	 * delivered entry.
	 */
	void appended(Position at, byte[] event) {
		this.lock.lock();
		try {
			if (this.retired) {
				return;
			}
			if (at.epoch().equals(this.position.epoch()) && at.sequence() == this.position.sequence() + 1) {
				this.position = at;
				Long coalesced = this.flushing.get(event);
				send(event, (coalesced != null) ? coalesced : Long.MAX_VALUE);
			}
			else if (!at.epoch().equals(this.position.epoch()) || at.sequence() > this.position.sequence()) {
				catchUpLocked();
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Delivers what the log has after the last delivered entry. */
	void catchUp() {
		this.lock.lock();
		try {
			if (!this.retired) {
				catchUpLocked();
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Delivers a read made from {@code from} outside the lock, re-reading when it no longer fits. */
	void apply(Position from, Read read) {
		this.lock.lock();
		try {
			if (this.retired) {
				return;
			}
			if (!from.equals(this.position)
					&& (read.status() != Status.ENTRIES || !from.epoch().equals(this.position.epoch()))) {
				catchUpLocked();
				return;
			}
			if (apply(read) && read.entries().size() >= BATCH) {
				catchUpLocked();
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	private void catchUpLocked() {
		while (true) {
			Position from = this.position;
			Read read = this.shared.log().read(Map.of(this.name, from), BATCH).get(this.name);
			if (read == null || !apply(read) || read.entries().size() < BATCH) {
				return;
			}
		}
	}

	/** @return {@code false} when entries were missing and the caller should read again */
	private boolean apply(Read read) {
		if (read.status() != Status.ENTRIES) {
			resync(read.latest());
			return false;
		}
		for (Entry entry : read.entries()) {
			long next = this.position.sequence() + 1;
			if (entry.sequence() < next) {
				continue;
			}
			if (entry.sequence() > next) {
				return true;
			}
			this.position = new Position(this.position.epoch(), entry.sequence());
			Long coalesced = this.flushing.get(entry.event());
			send(entry.event(), (coalesced != null) ? coalesced : Long.MAX_VALUE);
		}
		return true;
	}

	/** The log lost entries this process did not deliver: every subscriber gets the current state. */
	private void resync(Position latest) {
		this.position = latest;
		for (TopicSubscriber subscriber : this.subscribers.values()) {
			if (subscriber.snapshot == null || !sendSnapshot(subscriber, true)) {
				// Without a snapshot it cannot be brought up to date: its client reconnects.
				drop(subscriber);
			}
		}
	}

	private void send(byte[] event, long serial) {
		byte[] bytes = withId(event, this.position.id());
		int sent = 0;
		long now = System.nanoTime();
		for (TopicSubscriber subscriber : this.subscribers.values()) {
			if (serial > subscriber.coveredSerial && deliver(subscriber, bytes, now)) {
				sent++;
			}
		}
		this.shared.observer().eventSent(this.name, sent, bytes.length);
	}

	/** The encoded event with an {@code id:} line after its {@code event:} line. */
	static byte[] withId(byte[] event, String id) {
		int lineEnd = 0;
		while (event[lineEnd] != '\n') {
			lineEnd++;
		}
		byte[] line = ("id: " + id + "\n").getBytes(StandardCharsets.UTF_8);
		byte[] result = new byte[event.length + line.length];
		System.arraycopy(event, 0, result, 0, lineEnd + 1);
		System.arraycopy(line, 0, result, lineEnd + 1, line.length);
		System.arraycopy(event, lineEnd + 1, result, lineEnd + 1 + line.length, event.length - lineEnd - 1);
		return result;
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
