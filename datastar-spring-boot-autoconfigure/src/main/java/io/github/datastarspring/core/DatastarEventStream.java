package io.github.datastarspring.core;

import java.time.Duration;
import java.util.Map;

import io.github.datastarspring.core.internal.StreamEngine;
import io.github.datastarspring.core.internal.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * A live Datastar event stream to one browser, the same on every stack: MVC's
 * {@code DatastarEmitter} and WebFlux's {@code DatastarStream} are this type bound to their
 * transport. Send from any thread, before or after the handler returns; every send is queued and
 * written by the stream's single writer, whole, in order and flushed, and no sender ever waits
 * for the client's socket.
 *
 * <p>Each stream queues at most {@code datastar.sse.send-queue-size} events (256); past that a
 * send returns {@code false}. A client that takes nothing for a whole heartbeat interval
 * ({@code datastar.sse.heartbeat}, 15 s) while events wait is taken as gone and its stream is
 * {@linkplain #abort() aborted}. The stream ends on {@link #complete()}, {@link #abort()}, when
 * the client leaves, or after the timeout ({@code datastar.sse.timeout}, none by default);
 * {@link #onClose} callbacks then run once each.
 */
public abstract class DatastarEventStream implements DatastarSink, DatastarEventSender {

	private final StreamEngine engine;

	/**
	 * @param timeout {@code null} for the configured timeout; zero or negative for none
	 * @param sendQueueSize 0 for the configured size
	 * @param creating the application's stream settings when the subclass can find them at creation
	 */
	protected DatastarEventStream(@Nullable Duration timeout, int sendQueueSize, @Nullable StreamSupport creating) {
		this.engine = new StreamEngine(timeout, sendQueueSize, creating);
	}

	/** The engine, for the stack that binds this stream to a connection. */
	protected final StreamEngine engine() {
		return this.engine;
	}

	/**
	 * Queues {@code event}; any thread may call it.
	 * @return {@code false} when the stream is closed or its send queue is full
	 */
	@Override
	public final boolean send(DatastarEvent event) {
		return this.engine.send(event);
	}

	/**
	 * Renders {@code template} (e.g. {@code "todos :: list"}) with the application's
	 * {@link TemplateRenderer} and morphs the HTML into the page. Before the stream opens the
	 * rendering waits for it; a failure then is the handler's error.
	 * @throws IllegalStateException when the application has no {@code TemplateRenderer}
	 */
	@Override
	public final boolean patchTemplate(String template, Map<String, ?> model) {
		return this.engine.patchTemplate(template, model);
	}

	@Override
	public final boolean offer(byte[] encodedEvent) {
		return this.engine.offer(encodedEvent);
	}

	@Override
	public final boolean offerReplacingQueued(byte[] encodedEvent) {
		return this.engine.offerReplacingQueued(encodedEvent);
	}

	@Override
	public final boolean isOpen() {
		return this.engine.isOpen();
	}

	/** Ends the stream normally once the queued events are written; the client does not reopen it. */
	@Override
	public final void complete() {
		this.engine.complete();
	}

	/**
	 * Closes the connection at once, discarding the queued events, so that the Datastar client
	 * reconnects with its {@code Last-Event-ID} as after a network failure. On Tomcat and Reactor
	 * Netty the connection is closed without the end of the response; elsewhere the response
	 * ends normally.
	 */
	@Override
	public final void abort() {
		this.engine.abort();
	}

	@Override
	public final void onClose(Runnable callback) {
		this.engine.onClose(callback);
	}

	/** Heartbeats are the stream's own: the real-time hub sends none to it. */
	@Override
	public final boolean sendsOwnHeartbeats() {
		return true;
	}

	/** How many events wait to be written. */
	public final int queuedEvents() {
		return this.engine.queuedEvents();
	}

	/** The timeout given to the constructor, or {@code null} for the configured one. */
	public final @Nullable Duration getTimeout() {
		return this.engine.timeout();
	}

	/**
	 * Sends this stream uncompressed whatever the application's {@link StreamCompression} chose
	 * (for example for events that carry secrets next to attacker-controlled text); call it before
	 * the stream opens.
	 * @throws IllegalStateException when the stream is already open
	 */
	public final void disableCompression() {
		this.engine.disableCompression();
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[" + this.engine + "]";
	}

}
