package io.github.datastarspring.core.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

import io.github.datastarspring.core.DatastarEvent;
import io.github.datastarspring.core.StreamCompressor;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The one implementation of a Datastar event stream, behind both MVC's {@code DatastarEmitter}
 * and WebFlux's {@code DatastarStream}: a bounded send queue, the open, closing and closed
 * states, the close callbacks, the heartbeat and the timeout, the events sent before the stream
 * is opened, compression and metrics. A {@link StreamTransport} only moves bytes.
 *
 * <p>Sending never writes: it queues the encoded event and hands the writing to a writer thread
 * (or to the transport's thread when it reports the client ready), one writer at a time per
 * stream, so a publisher holding a lock never runs a socket's write path and events are written
 * whole and in order. A writer writes only while the transport is ready, so no thread ever waits
 * for a slow client: it costs its bounded queue, then its sends return {@code false}, and when it
 * has taken nothing for a whole heartbeat interval the stream is aborted.
 */
public final class StreamEngine {

	private static final Log logger = LogFactory.getLog(StreamEngine.class);

	/** The send queue bound before the stream knows its application's settings. */
	public static final int DEFAULT_SEND_QUEUE_SIZE = 256;

	private static final int OPEN = 0;

	private static final int CLOSING = 1;

	private static final int CLOSED = 2;

	/** Closing, and the connection is to be aborted once the queue is written (shutdown). */
	private static final int CLOSING_TO_ABORT = 3;

	/**
	 * Events queued behind one another are written as one chunk up to this size: a stream that
	 * fell behind catches up with one write and flush instead of one per event.
	 */
	private static final int MAX_CHUNK = 32 * 1024;

	private static final int END = 0;

	private static final int ABORT = 1;

	private static final AtomicIntegerFieldUpdater<StreamEngine> WIP = AtomicIntegerFieldUpdater
		.newUpdater(StreamEngine.class, "wip");

	private static final AtomicIntegerFieldUpdater<StreamEngine> STATE = AtomicIntegerFieldUpdater
		.newUpdater(StreamEngine.class, "state");

	private final @Nullable Duration timeout;

	private final int explicitSendQueueSize;

	private final Queue<byte[]> queue = new ConcurrentLinkedQueue<>();

	private final AtomicInteger queued = new AtomicInteger();

	private final List<Runnable> closeCallbacks = new ArrayList<>(1);

	private volatile int wip;

	private volatile int state;

	private volatile int ending = END;

	/** Whether the writer last stopped because the client could take no more. */
	private volatile boolean waitingForClient;

	private volatile int capacity;

	private volatile boolean compress = true;

	/** Events, templates or bytes sent before the stream was attached; guarded by {@code this}. */
	private @Nullable List<Object> pending = new ArrayList<>();

	private volatile @Nullable StreamSupport support;

	private volatile @Nullable StreamTransport transport;

	/** The transport's own writer thread, if it has one; set before {@link #support} is published. */
	private @Nullable Executor writer;

	private final Runnable drainTask = this::drain;

	/** Set before {@link #support} is published, then used by the writer only. */
	private @Nullable StreamCompressor compressor;

	/** Guarded by {@code this}. */
	private @Nullable ScheduledFuture<?> heartbeat;

	/** Guarded by {@code this}. */
	private @Nullable ScheduledFuture<?> timer;

	/** Chunks written; by the writer only. */
	private volatile long written;

	/** {@link #written} at the previous heartbeat; by the scheduler only. */
	private long writtenAtTick = -1;

	/** Heartbeats in a row that found the client taking nothing; by the scheduler only. */
	private int stalledTicks;

	/** An event taken from the queue that did not fit the last chunk; by the writer only. */
	private byte @Nullable [] carried;

	/** Whether the transport was ended; by the writer only. */
	private boolean ended;

	/**
	 * @param timeout how long the stream may stay open; {@code null} for the configured timeout,
	 * zero or negative for none
	 * @param sendQueueSize the send queue bound; 0 for the configured one
	 * @param creating the application's settings when known at creation, else {@code null} (the
	 * default bound applies to what is sent before the stream is attached)
	 */
	public StreamEngine(@Nullable Duration timeout, int sendQueueSize, @Nullable StreamSupport creating) {
		if (sendQueueSize < 0) {
			throw new IllegalArgumentException("sendQueueSize must not be negative");
		}
		this.timeout = timeout;
		this.explicitSendQueueSize = sendQueueSize;
		this.capacity = (sendQueueSize > 0) ? sendQueueSize
				: (creating != null) ? creating.settings().sendQueueSize() : DEFAULT_SEND_QUEUE_SIZE;
	}

	public @Nullable Duration timeout() {
		return this.timeout;
	}

	// Sending: one path for events, templates and encoded bytes

	public boolean send(DatastarEvent event) {
		return submit(Objects.requireNonNull(event, "event"));
	}

	public boolean patchTemplate(String template, Map<String, ?> model) {
		return submit(new Template(Objects.requireNonNull(template, "template"), model));
	}

	public boolean offer(byte[] encodedEvent) {
		return submit(Objects.requireNonNull(encodedEvent, "encodedEvent"));
	}

	public boolean offerReplacingQueued(byte[] encodedEvent) {
		Objects.requireNonNull(encodedEvent, "encodedEvent");
		if (this.state != OPEN) {
			return false;
		}
		if (this.support == null) {
			synchronized (this) {
				List<Object> p = this.pending;
				if (p != null) {
					p.clear();
					p.add(encodedEvent);
					return true;
				}
			}
		}
		clearQueue();
		return enqueue(encodedEvent);
	}

	private boolean submit(Object item) {
		StreamSupport s = this.support;
		if (s == null) {
			synchronized (this) {
				List<Object> p = this.pending;
				if (p != null) {
					if (this.state != OPEN || p.size() >= this.capacity) {
						return false;
					}
					p.add(item);
					return true;
				}
				s = this.support;
			}
		}
		if (this.state != OPEN) {
			return false;
		}
		return enqueue(encode(s, item));
	}

	private static byte[] encode(StreamSupport s, Object item) {
		if (item instanceof byte[] bytes) {
			return bytes;
		}
		if (item instanceof DatastarEvent event) {
			return s.encoder().encode(event);
		}
		Template t = (Template) item;
		return s.encoder().encode(s.templateRenderer().patchElements(t.template(), t.model()));
	}

	private boolean enqueue(byte[] bytes) {
		if (this.queued.incrementAndGet() > this.capacity) {
			this.queued.decrementAndGet();
			StreamSupport s = this.support;
			if (s != null) {
				s.observer().eventRefused();
			}
			return false;
		}
		this.queue.offer(bytes);
		scheduleWrite();
		return true;
	}

	public boolean isOpen() {
		return this.state == OPEN;
	}

	public int queuedEvents() {
		return this.queued.get();
	}

	/** Turns compression off for this stream; only before it is opened. */
	public void disableCompression() {
		synchronized (this) {
			if (this.support != null) {
				throw new IllegalStateException("Compression is chosen when the stream opens: disable it before");
			}
			this.compress = false;
		}
	}

	// Ending

	/** Ends the stream normally once the queued events are written. */
	public void complete() {
		if (STATE.compareAndSet(this, OPEN, CLOSING)) {
			scheduleWrite();
		}
	}

	/** Closes the connection at once, discarding the queue, so that the client retries. */
	public void abort() {
		terminate(ABORT);
	}

	/** Writes what is queued, then closes the connection as {@link #abort()} does. */
	public void shutdown() {
		if (STATE.compareAndSet(this, OPEN, CLOSING_TO_ABORT)) {
			scheduleWrite();
		}
	}

	public void onClose(Runnable callback) {
		Objects.requireNonNull(callback, "callback");
		synchronized (this.closeCallbacks) {
			if (this.state != CLOSED) {
				this.closeCallbacks.add(callback);
				return;
			}
		}
		runSafely(callback);
	}

	private void terminate(int how) {
		if (STATE.getAndSet(this, CLOSED) == CLOSED) {
			return;
		}
		this.ending = how;
		clearQueue();
		ScheduledFuture<?> h;
		ScheduledFuture<?> t;
		synchronized (this) {
			h = this.heartbeat;
			t = this.timer;
			this.heartbeat = null;
			this.timer = null;
		}
		if (h != null) {
			h.cancel(false);
		}
		if (t != null) {
			t.cancel(false);
		}
		StreamSupport s = this.support;
		if (s != null) {
			s.closed(this);
			s.observer().streamClosed();
		}
		List<Runnable> callbacks;
		synchronized (this.closeCallbacks) {
			callbacks = new ArrayList<>(this.closeCallbacks);
			this.closeCallbacks.clear();
		}
		for (Runnable callback : callbacks) {
			runSafely(callback);
		}
		// The writer tells the transport, so that it never races a write.
		scheduleWrite();
	}

	private static void runSafely(Runnable callback) {
		try {
			callback.run();
		}
		catch (RuntimeException ex) {
			logger.error("Datastar stream onClose callback failed", ex);
		}
	}

	// Opening

	/**
	 * Binds the stream to its application and its connection. What was sent before is encoded
	 * here, on the calling thread before anything is written, so that a failure (a template that
	 * does not render) is an ordinary error of the handler; the stream is then closed.
	 * @throws IllegalStateException when the stream was already attached
	 */
	public void attach(StreamSupport s, StreamTransport t) {
		synchronized (this) {
			List<Object> p = this.pending;
			if (p == null) {
				throw new IllegalStateException("A Datastar stream can be opened only once");
			}
			List<byte[]> encoded = new ArrayList<>(p.size());
			try {
				for (Object item : p) {
					encoded.add(encode(s, item));
				}
			}
			catch (RuntimeException ex) {
				this.pending = List.of();
				terminate(END);
				throw ex;
			}
			if (this.explicitSendQueueSize == 0) {
				this.capacity = s.settings().sendQueueSize();
			}
			for (byte[] bytes : encoded) {
				this.queue.offer(bytes);
				this.queued.incrementAndGet();
			}
			if (this.compress) {
				StreamCompressor c = s.compression().forStream(t.acceptEncoding());
				if (c != null) {
					this.compressor = c;
					t.contentEncoding(c.encoding());
				}
			}
			this.pending = null;
			t.start(new TransportEvents());
			this.writer = t.writer();
			this.transport = t;
			this.support = s;
		}
		s.opened(this);
		s.observer().streamOpened();
		if (this.state == CLOSED) {
			// Ended before it opened (an abort or a failing encode): undo what terminate() could not see.
			s.closed(this);
		}
		else {
			startTimers(s);
		}
		scheduleWrite();
	}

	private void startTimers(StreamSupport s) {
		Duration interval = s.settings().heartbeat();
		Duration limit = (this.timeout != null) ? this.timeout : s.settings().timeout();
		ScheduledFuture<?> h = isPositive(interval) ? s.every(interval, this::heartbeat) : null;
		ScheduledFuture<?> t = isPositive(limit) ? s.after(limit, this::complete) : null;
		synchronized (this) {
			if (this.state != CLOSED) {
				this.heartbeat = h;
				this.timer = t;
				return;
			}
		}
		if (h != null) {
			h.cancel(false);
		}
		if (t != null) {
			t.cancel(false);
		}
	}

	private static boolean isPositive(@Nullable Duration d) {
		return d != null && !d.isZero() && !d.isNegative();
	}

	/**
	 * Once per heartbeat interval: a comment when nothing waits; an abort when, for two intervals
	 * in a row, the send queue was full, the client could take nothing and nothing was written
	 * (the client is not reading, or gone without a word). A stream merely waiting for a busy
	 * writer or a slow flush is not stalled; the real-time hub's overflow policy acts first.
	 */
	private void heartbeat() {
		StreamSupport s = this.support;
		if (s == null || this.state == CLOSED) {
			return;
		}
		long w = this.written;
		if (this.queued.get() == 0) {
			this.stalledTicks = 0;
			if (this.state == OPEN) {
				enqueue(s.heartbeatComment());
			}
		}
		else if (w == this.writtenAtTick && this.waitingForClient && this.queued.get() >= this.capacity) {
			if (++this.stalledTicks >= 2) {
				s.observer().streamStalled();
				if (logger.isDebugEnabled()) {
					logger.debug("Aborting a Datastar stream whose client took nothing for two heartbeat intervals");
				}
				abort();
				return;
			}
		}
		else {
			this.stalledTicks = 0;
		}
		this.writtenAtTick = w;
	}

	// Writing: a single writer at a time, drained while the transport is ready

	private void scheduleWrite() {
		StreamSupport s = this.support;
		if (s != null && WIP.getAndIncrement(this) == 0) {
			s.write(this.drainTask, this.writer);
		}
	}

	private void writeNow() {
		if (this.support != null && WIP.getAndIncrement(this) == 0) {
			drain();
		}
	}

	private void drain() {
		StreamTransport t = this.transport;
		int missed = 1;
		while (true) {
			if (!this.ended && t != null) {
				writeQueued(t);
			}
			missed = WIP.addAndGet(this, -missed);
			if (missed == 0) {
				return;
			}
		}
	}

	private void writeQueued(StreamTransport t) {
		if (this.state == CLOSED) {
			endTransport(t);
			return;
		}
		boolean idle = false;
		try {
			while (true) {
				if (!t.isReady()) {
					this.waitingForClient = true;
					break;
				}
				this.waitingForClient = false;
				byte[] next = take();
				if (next == null) {
					idle = true;
					break;
				}
				next = withQueuedAfter(next);
				StreamCompressor c = this.compressor;
				byte[] chunk = (c != null) ? c.compress(next) : next;
				t.write(chunk);
				this.written++;
				this.support.observer().chunkWritten(chunk.length);
			}
		}
		catch (Exception ex) {
			if (logger.isDebugEnabled()) {
				logger.debug("Datastar stream closed by the client: " + ex);
			}
			// The connection is gone already: let the container finish the request and free what
			// it holds for it (an abort would wait for a socket event that never comes).
			terminate(END);
			return;
		}
		int st = this.state;
		if (idle && (st == CLOSING || st == CLOSING_TO_ABORT) && this.queue.isEmpty() && this.carried == null) {
			terminate((st == CLOSING_TO_ABORT) ? ABORT : END);
		}
	}

	/** The next event to write, or {@code null}. */
	private byte @Nullable [] take() {
		byte[] next = this.carried;
		if (next != null) {
			this.carried = null;
			return next;
		}
		next = this.queue.poll();
		if (next != null) {
			this.queued.decrementAndGet();
		}
		return next;
	}

	/** {@code first} and the events queued after it, whole and in order, up to {@link #MAX_CHUNK} bytes. */
	private byte[] withQueuedAfter(byte[] first) {
		List<byte[]> parts = null;
		int length = first.length;
		while (length < MAX_CHUNK) {
			byte[] more = take();
			if (more == null) {
				break;
			}
			if (length + more.length > MAX_CHUNK) {
				this.carried = more;
				break;
			}
			if (parts == null) {
				parts = new ArrayList<>();
				parts.add(first);
			}
			parts.add(more);
			length += more.length;
		}
		if (parts == null) {
			return first;
		}
		byte[] chunk = new byte[length];
		int at = 0;
		for (byte[] part : parts) {
			System.arraycopy(part, 0, chunk, at, part.length);
			at += part.length;
		}
		return chunk;
	}

	private void endTransport(StreamTransport t) {
		this.ended = true;
		this.carried = null;
		clearQueue();
		StreamCompressor c = this.compressor;
		if (c != null) {
			try {
				c.close();
			}
			catch (RuntimeException ex) {
				logger.debug("Could not close a stream compressor", ex);
			}
		}
		try {
			if (this.ending == ABORT) {
				t.abort();
			}
			else {
				t.end();
			}
		}
		catch (RuntimeException ex) {
			logger.debug("Could not end a Datastar stream's response", ex);
		}
	}

	private void clearQueue() {
		while (this.queue.poll() != null) {
			this.queued.decrementAndGet();
		}
	}

	@Override
	public String toString() {
		return "open=" + isOpen() + ", queued=" + this.queued.get();
	}

	private final class TransportEvents implements StreamTransport.Events {

		@Override
		public void writePossible() {
			writeNow();
		}

		@Override
		public void closed() {
			terminate(END);
		}

	}

	private record Template(String template, Map<String, ?> model) {
	}

}
