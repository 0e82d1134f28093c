package io.github.datastarspring.webflux;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.function.Function;

import io.github.datastarspring.core.DatastarEvent;
import io.github.datastarspring.core.DatastarEventSender;
import io.github.datastarspring.core.DatastarSink;
import io.github.datastarspring.core.TemplateRenderer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import reactor.core.Disposable;
import reactor.core.publisher.Operators;
import reactor.core.scheduler.Schedulers;

/**
 * A live Datastar stream for WebFlux, the counterpart of MVC's {@code DatastarEmitter}: return it
 * from a controller method, then send events from any thread, before or after returning it.
 *
 * <pre>{@code
 * @GetMapping("/ticks")
 * DatastarStream ticks() {
 *     DatastarStream stream = new DatastarStream();
 *     Disposable ticking = Flux.interval(Duration.ofSeconds(1))
 *         .subscribe(n -> stream.patchElements("<span id=\"count\">" + n + "</span>"));
 *     stream.onClose(ticking::dispose);    // the browser left
 *     return stream;
 * }
 * }</pre>
 *
 * <p>Nothing blocks: events wait in a bounded send queue ({@code datastar.sse.send-queue-size})
 * and each is flushed as soon as the client can take it; {@link #send}, the sugar methods and
 * {@link #offer} return {@code false} when the queue is full or the stream closed. An idle stream
 * holds no thread and no buffer. Heartbeat comments ({@code datastar.sse.heartbeat}) keep proxies
 * from closing it; the timeout ({@code datastar.sse.timeout}, or the constructor's) ends it.
 */
public class DatastarStream implements DatastarSink, DatastarEventSender {

	private static final Log logger = LogFactory.getLog(DatastarStream.class);

	/** Queue capacity until the stream is written with the application's settings. */
	static final int DEFAULT_SEND_QUEUE_SIZE = 256;

	/** The configured {@code datastar.sse.send-queue-size}, for events sent before the stream is written. */
	static volatile int configuredSendQueueSize = DEFAULT_SEND_QUEUE_SIZE;

	private static final AtomicIntegerFieldUpdater<DatastarStream> WIP = AtomicIntegerFieldUpdater
		.newUpdater(DatastarStream.class, "wip");

	private static final AtomicLongFieldUpdater<DatastarStream> REQUESTED = AtomicLongFieldUpdater
		.newUpdater(DatastarStream.class, "requested");

	/** Encoded events ({@code byte[]}) or, before the stream is bound, encodings to run once it is. */
	private final Queue<Object> queue = new ConcurrentLinkedQueue<>();

	private final AtomicInteger queued = new AtomicInteger();

	private final int explicitSendQueueSize;

	private final Duration timeout;

	private volatile int sendQueueSize;

	private volatile DatastarStreamSettings settings;

	private volatile Subscriber<? super byte[]> subscriber;

	private volatile int wip;

	private volatile long requested;

	private volatile boolean completing;

	private volatile boolean closed;

	private Runnable closeCallbacks;

	/** Closes the connection without ending the response; {@code null} where that is not possible. */
	private volatile Runnable connectionAborter;

	private Disposable timers;

	/** A stream with the application's send queue size and timeout. */
	public DatastarStream() {
		this(0, null);
	}

	/**
	 * A stream that ends after {@code timeout}; {@code null} uses the configured timeout,
	 * {@link Duration#ZERO} or a negative value means none.
	 */
	public DatastarStream(Duration timeout) {
		this(0, timeout);
	}

	/** A stream whose send queue holds at most {@code sendQueueSize} events (0: the configured size). */
	public DatastarStream(int sendQueueSize) {
		this(sendQueueSize, null);
	}

	private DatastarStream(int sendQueueSize, Duration timeout) {
		if (sendQueueSize < 0) {
			throw new IllegalArgumentException("sendQueueSize must not be negative");
		}
		this.explicitSendQueueSize = sendQueueSize;
		this.sendQueueSize = (sendQueueSize > 0) ? sendQueueSize : configuredSendQueueSize;
		this.timeout = timeout;
	}

	// Sending

	/**
	 * Queues an event.
	 * @return {@code false} when the stream is closed or its send queue is full (the client is
	 * not reading)
	 */
	@Override
	public boolean send(DatastarEvent event) {
		Objects.requireNonNull(event, "event");
		if (!isOpen()) {
			return false;
		}
		DatastarStreamSettings s = this.settings;
		Object item = (s != null) ? s.encoder().encode(event) : (Function<DatastarStreamSettings, byte[]>) b -> b.encoder().encode(event);
		return enqueue(item);
	}

	/**
	 * Morphs a rendered template fragment ({@code "todos :: list"}) into the page, with the
	 * application's {@link TemplateRenderer} (Thymeleaf when present).
	 * @throws IllegalStateException when the stream is written and the application has no
	 * {@code TemplateRenderer} (before that, the event is dropped with an error log)
	 */
	@Override
	public boolean patchTemplate(String template, Map<String, ?> model) {
		DatastarStreamSettings s = this.settings;
		if (s != null) {
			return send(s.templateRenderer().patchElements(template, model));
		}
		return enqueue((Function<DatastarStreamSettings, byte[]>) b -> b.encoder()
			.encode(b.templateRenderer().patchElements(template, model)));
	}

	private boolean enqueue(Object item) {
		return !this.closed && !this.completing && add(item);
	}

	// DatastarSink

	@Override
	public boolean offer(byte[] encodedEvent) {
		Objects.requireNonNull(encodedEvent, "encodedEvent");
		return !this.closed && !this.completing && add(encodedEvent);
	}

	@Override
	public boolean offerReplacingQueued(byte[] encodedEvent) {
		Objects.requireNonNull(encodedEvent, "encodedEvent");
		if (this.closed || this.completing) {
			return false;
		}
		while (this.queue.poll() != null) {
			this.queued.decrementAndGet();
		}
		this.queued.incrementAndGet();
		this.queue.offer(encodedEvent);
		drain();
		return true;
	}

	@Override
	public boolean isOpen() {
		return !this.closed && !this.completing;
	}

	@Override
	public void complete() {
		this.completing = true;
		drain();
	}

	/**
	 * Closes the connection at once, discarding the queued events, so that the Datastar client
	 * reconnects with its {@code Last-Event-ID} as after a network failure. On Reactor Netty the
	 * connection (an HTTP/2 stream) is closed without the end of the response; on other servers,
	 * or before the stream is written, this completes it normally.
	 */
	@Override
	public void abort() {
		Runnable aborter = this.connectionAborter;
		if (aborter == null) {
			complete();
			return;
		}
		if (markClosed()) {
			clear();
			try {
				aborter.run();
			}
			catch (RuntimeException ex) {
				logger.debug("Could not close the connection of an aborted Datastar stream", ex);
			}
			runCloseCallbacks();
		}
	}

	@Override
	public void onClose(Runnable callback) {
		Objects.requireNonNull(callback, "callback");
		synchronized (this) {
			if (!this.closed) {
				Runnable previous = this.closeCallbacks;
				this.closeCallbacks = (previous == null) ? callback : () -> {
					previous.run();
					callback.run();
				};
				return;
			}
		}
		callback.run();
	}

	/** How many events wait to be written. */
	public int queuedEvents() {
		return this.queued.get();
	}

	private boolean add(Object item) {
		if (this.queued.incrementAndGet() > this.sendQueueSize) {
			this.queued.decrementAndGet();
			return false;
		}
		this.queue.offer(item);
		drain();
		return true;
	}

	// Writing: a single-subscriber publisher of encoded events, drained with demand

	/** Binds the stream to the application's settings and returns its events; subscribe once. */
	Publisher<byte[]> frames(DatastarStreamSettings settings) {
		return frames(settings, null);
	}

	/** The same, with what closes the connection when the stream is {@linkplain #abort() aborted}. */
	Publisher<byte[]> frames(DatastarStreamSettings settings, Runnable connectionAborter) {
		this.connectionAborter = connectionAborter;
		if (this.explicitSendQueueSize == 0) {
			this.sendQueueSize = settings.sse().sendQueueSize();
		}
		this.settings = settings;
		if (settings.lifecycle() != null) {
			settings.lifecycle().opened(this);
			onClose(() -> settings.lifecycle().closed(this));
		}
		return this::subscribe;
	}

	private void subscribe(Subscriber<? super byte[]> actual) {
		synchronized (this) {
			if (this.subscriber != null) {
				Operators.error(actual, new IllegalStateException("A DatastarStream can be written only once"));
				return;
			}
			this.subscriber = actual;
		}
		actual.onSubscribe(new Subscription() {

			@Override
			public void request(long n) {
				if (Operators.validate(n)) {
					Operators.addCap(REQUESTED, DatastarStream.this, n);
					drain();
				}
			}

			@Override
			public void cancel() {
				close();
			}

		});
		startTimers();
		drain();
	}

	private void startTimers() {
		DatastarStreamSettings s = this.settings;
		Duration heartbeat = s.sse().heartbeat();
		Duration timeout = (this.timeout != null) ? this.timeout : s.sse().timeout();
		Disposable.Composite composite = null;
		if (heartbeat != null && !heartbeat.isZero() && !heartbeat.isNegative()) {
			composite = reactor.core.Disposables.composite();
			byte[] comment = s.encoder().comment("");
			long millis = heartbeat.toMillis();
			composite.add(Schedulers.parallel().schedulePeriodically(() -> {
				if (this.queued.get() == 0) {
					offer(comment);
				}
			}, millis, millis, TimeUnit.MILLISECONDS));
		}
		if (timeout != null && !timeout.isZero() && !timeout.isNegative()) {
			composite = (composite != null) ? composite : reactor.core.Disposables.composite();
			composite.add(Schedulers.parallel().schedule(this::complete, timeout.toMillis(), TimeUnit.MILLISECONDS));
		}
		if (composite != null) {
			synchronized (this) {
				if (!this.closed) {
					this.timers = composite;
					return;
				}
			}
			composite.dispose();
		}
	}

	@SuppressWarnings("unchecked")
	private void drain() {
		if (WIP.getAndIncrement(this) != 0) {
			return;
		}
		int missed = 1;
		do {
			Subscriber<? super byte[]> s = this.subscriber;
			if (s != null) {
				if (this.closed) {
					clear();
					return;
				}
				long r = this.requested;
				long e = 0;
				while (e != r) {
					Object item = this.queue.poll();
					if (item == null) {
						break;
					}
					this.queued.decrementAndGet();
					byte[] bytes;
					if (item instanceof byte[] b) {
						bytes = b;
					}
					else {
						try {
							bytes = ((Function<DatastarStreamSettings, byte[]>) item).apply(this.settings);
						}
						catch (RuntimeException ex) {
							logger.error("Dropped a Datastar event that could not be encoded", ex);
							continue;
						}
					}
					s.onNext(bytes);
					e++;
					if (this.closed) {
						clear();
						return;
					}
				}
				if (e != 0) {
					Operators.produced(REQUESTED, this, e);
				}
				if (this.completing && this.queue.isEmpty()) {
					if (markClosed()) {
						s.onComplete();
						runCloseCallbacks();
					}
					return;
				}
			}
			missed = WIP.addAndGet(this, -missed);
		}
		while (missed != 0);
	}

	private void close() {
		if (markClosed()) {
			drain();
			runCloseCallbacks();
		}
	}

	private boolean markClosed() {
		Disposable t;
		synchronized (this) {
			if (this.closed) {
				return false;
			}
			this.closed = true;
			t = this.timers;
			this.timers = null;
		}
		if (t != null) {
			t.dispose();
		}
		return true;
	}

	private void runCloseCallbacks() {
		Runnable callbacks;
		synchronized (this) {
			callbacks = this.closeCallbacks;
			this.closeCallbacks = null;
		}
		if (callbacks != null) {
			try {
				callbacks.run();
			}
			catch (RuntimeException ex) {
				logger.warn("Datastar stream onClose callback failed", ex);
			}
		}
	}

	private void clear() {
		while (this.queue.poll() != null) {
			this.queued.decrementAndGet();
		}
	}

}
