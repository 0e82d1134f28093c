package io.github.datastarspring.mvc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.datastarspring.core.DatastarEvent;
import io.github.datastarspring.core.DatastarEventSender;
import io.github.datastarspring.core.DatastarSink;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A Datastar event stream to one browser, returned from a Spring MVC controller method, as
 * Spring's {@code SseEmitter} is.
 *
 * <pre>{@code
 * @GetMapping("/clock")
 * DatastarEmitter clock() {
 *     DatastarEmitter emitter = new DatastarEmitter();
 *     emitter.patchSignals(Map.of("now", Instant.now().toString()));
 *     ticker.onTick(now -> emitter.patchSignals(Map.of("now", now.toString())));
 *     return emitter;
 * }
 * }</pre>
 *
 * <p>Any thread may send at any time. Events are written in the order they are queued, whole and
 * flushed one by one, by a shared writer pool: no sending thread ever waits for the client's
 * socket. Each emitter queues at most {@code datastar.sse.send-queue-size} events; past that,
 * {@link #send} returns {@code false}. Events sent before the handler method returns are kept and
 * written when the stream opens.
 *
 * <p>The stream stays open until {@link #complete()}, the client disconnects, or the timeout
 * ({@code datastar.sse.timeout}, none by default) elapses; {@link #onClose} callbacks then run once.
 */
public class DatastarEmitter implements DatastarSink, DatastarEventSender {

	private static final Log logger = LogFactory.getLog(DatastarEmitter.class);

	/** Queue bound used until the stream is attached to the configured properties. */
	static final int DEFAULT_SEND_QUEUE_SIZE = 256;

	/**
	 * The configured {@code datastar.sse.send-queue-size}, so that events sent before the handler
	 * returns (the emitter is not attached to the application yet) get the same bound.
	 */
	static volatile int configuredSendQueueSize = DEFAULT_SEND_QUEUE_SIZE;

	private final Duration timeout;

	private final Queue<byte[]> queue = new ConcurrentLinkedQueue<>();

	private final AtomicInteger queued = new AtomicInteger();

	private final AtomicBoolean draining = new AtomicBoolean();

	private final AtomicBoolean closed = new AtomicBoolean();

	/** Events (or pre-encoded bytes) sent before the stream opened; guarded by {@code this}. */
	private List<Object> pending = new ArrayList<>();

	private final List<Runnable> closeCallbacks = new ArrayList<>(1);

	private volatile int capacity = configuredSendQueueSize;

	private volatile DatastarEmitterSupport support;

	private volatile Connection connection;

	private volatile boolean completing;

	private volatile boolean aborted;

	/** Written by the draining thread only. */
	private boolean headersFlushed;

	private volatile Future<?> heartbeat;

	/** A stream with the configured timeout ({@code datastar.sse.timeout}; none by default). */
	public DatastarEmitter() {
		this(null);
	}

	/**
	 * A stream that ends after {@code timeout}; {@code null} uses the configured timeout,
	 * {@link Duration#ZERO} or a negative value means none.
	 */
	public DatastarEmitter(Duration timeout) {
		this.timeout = timeout;
	}

	/** The timeout given to the constructor, or {@code null} for the configured one. */
	public Duration getTimeout() {
		return this.timeout;
	}

	/**
	 * Queues {@code event}.
	 * @return {@code false} when the stream is closed or its send queue is full
	 */
	@Override
	public boolean send(DatastarEvent event) {
		Objects.requireNonNull(event, "event");
		DatastarEmitterSupport s = this.support;
		if (s == null) {
			synchronized (this) {
				if (this.support == null) {
					return addPending(event);
				}
				s = this.support;
			}
		}
		if (!isOpen()) {
			return false;
		}
		return offer(s.encoder().encode(event));
	}

	/**
	 * Renders {@code template} (e.g. {@code "todos :: list"}) with the application's
	 * {@link io.github.datastarspring.core.TemplateRenderer} and morphs the HTML into the page.
	 * @throws IllegalStateException when the application has no {@code TemplateRenderer}
	 */
	@Override
	public boolean patchTemplate(String template, Map<String, ?> model) {
		DatastarEmitterSupport s = this.support;
		if (s == null) {
			synchronized (this) {
				if (this.support == null) {
					return addPending(new PendingTemplate(template, model));
				}
				s = this.support;
			}
		}
		return send(s.templateRenderer().patchElements(template, model));
	}

	@Override
	public boolean offer(byte[] encodedEvent) {
		Objects.requireNonNull(encodedEvent, "encodedEvent");
		if (this.support == null) {
			synchronized (this) {
				if (this.support == null) {
					return addPending(encodedEvent);
				}
			}
		}
		if (!isOpen()) {
			return false;
		}
		if (this.queued.incrementAndGet() > this.capacity) {
			this.queued.decrementAndGet();
			return false;
		}
		this.queue.add(encodedEvent);
		scheduleDrain();
		return true;
	}

	@Override
	public boolean offerReplacingQueued(byte[] encodedEvent) {
		if (this.support != null) {
			while (this.queue.poll() != null) {
				this.queued.decrementAndGet();
			}
		}
		else {
			synchronized (this) {
				if (this.support == null) {
					this.pending.clear();
				}
			}
		}
		return offer(encodedEvent);
	}

	@Override
	public boolean isOpen() {
		return !this.closed.get() && !this.completing;
	}

	/** Ends the stream once the queued events are written. */
	@Override
	public void complete() {
		this.completing = true;
		scheduleDrain();
	}

	/**
	 * Closes the connection at once, discarding the queued events, so that the Datastar client
	 * reconnects with its {@code Last-Event-ID} as after a network failure. On Tomcat the socket
	 * is closed without the end of the response; on other containers this completes it normally.
	 */
	@Override
	public void abort() {
		this.aborted = true;
		close(false);
	}

	@Override
	public void onClose(Runnable callback) {
		Objects.requireNonNull(callback, "callback");
		synchronized (this.closeCallbacks) {
			if (!this.closed.get()) {
				this.closeCallbacks.add(callback);
				return;
			}
		}
		runSafely(callback);
	}

	/** How many events wait to be written. */
	int queuedCount() {
		return this.queued.get();
	}

	/** Queues a heartbeat comment unless events are waiting anyway. */
	void heartbeat(byte[] comment) {
		if (this.queued.get() == 0) {
			offer(comment);
		}
	}

	private boolean addPending(Object item) {
		if (this.completing || this.closed.get() || this.pending.size() >= this.capacity) {
			return false;
		}
		this.pending.add(item);
		return true;
	}

	/** Opens the stream and starts writing: {@link #open} then {@link #connect}. */
	void attach(DatastarEmitterSupport support, Connection connection) {
		open(support);
		connect(connection);
	}

	/**
	 * Encodes what was sent so far with the application's encoder and renderer, on the request
	 * thread before anything is written, so that a failure is an ordinary error of the handler.
	 * Sends from now on are encoded at once and queued.
	 */
	void open(DatastarEmitterSupport support) {
		synchronized (this) {
			List<byte[]> encoded = new ArrayList<>(this.pending.size());
			for (Object item : this.pending) {
				if (item instanceof byte[] bytes) {
					encoded.add(bytes);
				}
				else if (item instanceof PendingTemplate t) {
					encoded.add(support.encoder().encode(support.templateRenderer().patchElements(t.template(), t.model())));
				}
				else {
					encoded.add(support.encoder().encode((DatastarEvent) item));
				}
			}
			this.capacity = support.sendQueueSize();
			for (byte[] bytes : encoded) {
				this.queue.add(bytes);
				this.queued.incrementAndGet();
			}
			this.pending = List.of();
			this.support = support;
		}
	}

	/** Starts writing the queued events, the headers first, to {@code connection}. */
	void connect(Connection connection) {
		DatastarEmitterSupport support = this.support;
		this.connection = connection;
		support.opened(this);
		this.heartbeat = support.scheduleHeartbeat(this);
		if (this.closed.get()) {
			// Closed while connecting: undo what close() could not see yet.
			support.closed(this);
			if (this.heartbeat != null) {
				this.heartbeat.cancel(false);
			}
			if (this.aborted) {
				connection.abort();
			}
			return;
		}
		scheduleDrain();
	}

	private void scheduleDrain() {
		Connection c = this.connection;
		if (c == null || this.closed.get() || !this.draining.compareAndSet(false, true)) {
			return;
		}
		try {
			this.support.writeExecutor().execute(this::drain);
		}
		catch (RuntimeException ex) {
			// The pool is shut down: the application is stopping.
			this.draining.set(false);
			close(false);
		}
	}

	/** Writes everything queued; runs on the writer pool, never twice at once for one emitter. */
	private void drain() {
		Connection c = this.connection;
		while (true) {
			try {
				if (!this.headersFlushed) {
					c.flush();
					this.headersFlushed = true;
				}
				byte[] next;
				while ((next = this.queue.poll()) != null) {
					this.queued.decrementAndGet();
					if (this.closed.get()) {
						return;
					}
					c.write(next);
				}
			}
			catch (Exception ex) {
				if (logger.isDebugEnabled()) {
					logger.debug("Datastar stream closed by the client: " + ex);
				}
				close(false);
				return;
			}
			if (this.completing && !this.closed.get()) {
				close(true);
				return;
			}
			this.draining.set(false);
			if (this.queue.isEmpty() && !this.completing) {
				return;
			}
			if (!this.draining.compareAndSet(false, true)) {
				return;
			}
		}
	}

	/** Ends the stream once: runs the callbacks and lets the request finish. */
	void close(boolean normally) {
		if (!this.closed.compareAndSet(false, true)) {
			return;
		}
		while (this.queue.poll() != null) {
			this.queued.decrementAndGet();
		}
		List<Runnable> callbacks;
		synchronized (this.closeCallbacks) {
			callbacks = new ArrayList<>(this.closeCallbacks);
			this.closeCallbacks.clear();
		}
		Future<?> h = this.heartbeat;
		if (h != null) {
			h.cancel(false);
		}
		DatastarEmitterSupport s = this.support;
		if (s != null) {
			s.closed(this);
		}
		callbacks.forEach(DatastarEmitter::runSafely);
		Connection c = this.connection;
		if (c == null) {
			return;
		}
		if (this.aborted) {
			c.abort();
		}
		else {
			c.end(normally);
		}
	}

	private static void runSafely(Runnable callback) {
		try {
			callback.run();
		}
		catch (RuntimeException ex) {
			logger.error("Datastar onClose callback failed", ex);
		}
	}

	@Override
	public String toString() {
		return "DatastarEmitter[open=" + isOpen() + ", queued=" + this.queued.get() + "]";
	}

	/** Where an attached emitter writes: the servlet response of its request. */
	interface Connection {

		/** Writes one whole event and flushes it. */
		void write(byte[] bytes) throws Exception;

		/** Flushes what was written (the headers first of all). */
		void flush() throws Exception;

		/** Lets the request finish; called once, or {@link #abort()} instead. */
		void end(boolean normally);

		/** Closes the connection without ending the response where possible, then lets the request finish. */
		default void abort() {
			end(false);
		}

	}

	private record PendingTemplate(String template, Map<String, ?> model) {
	}

}
