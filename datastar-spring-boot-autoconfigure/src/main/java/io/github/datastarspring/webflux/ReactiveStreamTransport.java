package io.github.datastarspring.webflux;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;

import io.github.datastarspring.core.internal.StreamTransport;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import reactor.core.publisher.Operators;

import org.springframework.http.HttpHeaders;

/**
 * A stream's connection on WebFlux: a single-subscriber publisher of chunks that writes only
 * what the server asked for (demand), from the stream's writer, never from the thread that sent.
 * Where the server exposes its {@link StreamConnection}, the publisher only opens the response
 * (headers first) and ends it: the chunks in between go straight to the connection, as fast as it
 * takes them, without a chain of Reactor operators and a flush task per chunk and stream.
 */
final class ReactiveStreamTransport implements StreamTransport, Publisher<byte[]>, Subscription {

	private static final Log logger = LogFactory.getLog(ReactiveStreamTransport.class);

	private static final AtomicLongFieldUpdater<ReactiveStreamTransport> REQUESTED = AtomicLongFieldUpdater
		.newUpdater(ReactiveStreamTransport.class, "requested");

	private final @Nullable String acceptEncoding;

	private final HttpHeaders responseHeaders;

	private final @Nullable StreamConnection connection;

	private volatile @Nullable Events events;

	private volatile @Nullable Subscriber<? super byte[]> subscriber;

	private volatile long requested;

	private volatile boolean done;

	ReactiveStreamTransport(@Nullable String acceptEncoding, HttpHeaders responseHeaders,
			@Nullable StreamConnection connection) {
		this.acceptEncoding = acceptEncoding;
		this.responseHeaders = responseHeaders;
		this.connection = connection;
	}

	/** The connection's event loop: written from there, a chunk goes straight into its pipeline. */
	@Override
	public @Nullable Executor writer() {
		StreamConnection c = this.connection;
		return (c != null) ? c.eventLoop() : null;
	}

	@Override
	public void start(Events events) {
		this.events = events;
		StreamConnection c = this.connection;
		if (c != null) {
			c.whenWritable(events::writePossible);
		}
	}

	@Override
	public @Nullable String acceptEncoding() {
		return this.acceptEncoding;
	}

	@Override
	public void contentEncoding(String token) {
		this.responseHeaders.set(HttpHeaders.CONTENT_ENCODING, token);
		this.responseHeaders.add(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
	}

	@Override
	public void subscribe(Subscriber<? super byte[]> actual) {
		synchronized (this) {
			if (this.subscriber != null) {
				Operators.error(actual, new IllegalStateException("A DatastarStream can be written only once"));
				return;
			}
			this.subscriber = actual;
		}
		actual.onSubscribe(this);
		if (this.done) {
			// Ended before the server subscribed.
			actual.onComplete();
		}
	}

	@Override
	public void request(long n) {
		if (Operators.validate(n)) {
			Operators.addCap(REQUESTED, this, n);
			this.events.writePossible();
		}
	}

	@Override
	public void cancel() {
		this.events.closed();
	}

	/**
	 * With a connection, the server's first request comes once the headers are written (Reactor
	 * Netty subscribes to the body after they are flushed); from then on the connection's own
	 * buffer decides.
	 */
	@Override
	public boolean isReady() {
		if (this.subscriber == null || this.requested == 0) {
			return false;
		}
		StreamConnection c = this.connection;
		return c == null || c.isWritable();
	}

	@Override
	public void write(byte[] chunk) {
		StreamConnection c = this.connection;
		if (c != null) {
			c.write(chunk);
			return;
		}
		Operators.produced(REQUESTED, this, 1);
		this.subscriber.onNext(chunk);
	}

	@Override
	public void end() {
		this.done = true;
		Subscriber<? super byte[]> s = this.subscriber;
		if (s != null) {
			s.onComplete();
		}
	}

	@Override
	public void abort() {
		StreamConnection c = this.connection;
		if (c == null) {
			end();
			return;
		}
		try {
			c.abort();
		}
		catch (RuntimeException ex) {
			logger.debug("Could not close the connection of an aborted Datastar stream", ex);
			end();
		}
	}

}
