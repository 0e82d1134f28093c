package io.github.datastarspring.realtime;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.datastarspring.core.DatastarSink;
import io.github.datastarspring.test.ReceivedEvents;

/**
 * An in-memory stream: a bounded queue the test reads from (or stops reading, to play a stalled
 * client).
 */
class TestSink implements DatastarSink {

	private final ArrayBlockingQueue<byte[]> queue;

	private final AtomicBoolean open = new AtomicBoolean(true);

	private final List<Runnable> closeCallbacks = new CopyOnWriteArrayList<>();

	private volatile boolean completed;

	private final CountDownLatch completion = new CountDownLatch(1);

	private volatile boolean aborted;

	private volatile boolean failOnNextOffer;

	TestSink() {
		this(1024);
	}

	TestSink(int capacity) {
		this.queue = new ArrayBlockingQueue<>(capacity);
	}

	@Override
	public boolean offer(byte[] encodedEvent) {
		if (this.failOnNextOffer) {
			// Like a writer whose socket write fails: the stream ends, the bytes are lost.
			close();
			return true;
		}
		return this.open.get() && this.queue.offer(encodedEvent);
	}

	@Override
	public synchronized boolean offerReplacingQueued(byte[] encodedEvent) {
		if (!this.open.get()) {
			return false;
		}
		this.queue.clear();
		return this.queue.offer(encodedEvent);
	}

	@Override
	public boolean isOpen() {
		return this.open.get();
	}

	@Override
	public void complete() {
		this.completed = true;
		close();
		this.completion.countDown();
	}

	@Override
	public void onClose(Runnable callback) {
		AtomicBoolean ran = new AtomicBoolean();
		Runnable once = () -> {
			if (ran.compareAndSet(false, true)) {
				callback.run();
			}
		};
		this.closeCallbacks.add(once);
		if (!this.open.get()) {
			once.run();
		}
	}

	@Override
	public void abort() {
		this.aborted = true;
		close();
	}

	/** The client goes away. */
	void disconnect() {
		close();
	}

	/** The client is gone but nobody knows until the next write. */
	void dieSilently() {
		this.failOnNextOffer = true;
	}

	private void close() {
		if (this.open.compareAndSet(true, false)) {
			this.closeCallbacks.forEach(Runnable::run);
		}
	}

	boolean completed() {
		return this.completed;
	}

	/**
	 * Whether it is completed within {@code timeout}: for hubs that deliver on their own thread
	 * (with an event log), where completion follows the last event a moment later.
	 */
	boolean completedWithin(Duration timeout) {
		try {
			return this.completion.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Whether the hub ended it as a client that does not keep up. */
	boolean aborted() {
		return this.aborted;
	}

	byte[] nextBytes(Duration timeout) {
		try {
			return this.queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The next event as text, waiting up to two seconds; {@code null} when none came. */
	String next() {
		return next(Duration.ofSeconds(2));
	}

	String next(Duration timeout) {
		byte[] bytes = nextBytes(timeout);
		return (bytes != null) ? new String(bytes, StandardCharsets.UTF_8) : null;
	}

	/** Everything queued now, as text. */
	List<String> drain() {
		List<byte[]> all = new ArrayList<>();
		this.queue.drainTo(all);
		return all.stream().map((b) -> new String(b, StandardCharsets.UTF_8)).toList();
	}

	List<byte[]> drainBytes() {
		List<byte[]> all = new ArrayList<>();
		this.queue.drainTo(all);
		return all;
	}

	int queued() {
		return this.queue.size();
	}

	/** The {@code id:} of an encoded event (the blank line after it may be missing), or {@code null}. */
	static String id(String event) {
		ReceivedEvents events = ReceivedEvents.parse(event + "\n\n");
		return (events.size() > 0) ? events.get(0).id() : null;
	}

	/** The HTML of a patch-elements event (the blank line after it may be missing). */
	static String elements(String event) {
		ReceivedEvents events = ReceivedEvents.parse(event + "\n\n");
		return (events.size() > 0) ? events.get(0).elements() : null;
	}

}
