package io.github.datastarspring.core;

/**
 * A live event stream to one client, written with already-encoded events. Implemented by the MVC
 * emitter and the WebFlux stream; the real-time hub fans out through it, so that an event is
 * encoded once per publish rather than once per subscriber.
 *
 * <p>No method blocks on the client's socket: each sink has a bounded send queue.
 */
public interface DatastarSink {

	/**
	 * Queues encoded event bytes (from {@link DatastarEventEncoder}) behind those already queued.
	 * @return {@code false} when the sink is closed or its send queue is full (nothing was queued)
	 */
	boolean offer(byte[] encodedEvent);

	/**
	 * Drops every event still queued and not yet being written, then queues this one: for a
	 * full-state patch that makes the older ones pointless.
	 * @return {@code false} when the sink is closed
	 */
	boolean offerReplacingQueued(byte[] encodedEvent);

	/** Whether the client is still connected and the stream not completed. */
	boolean isOpen();

	/** Ends the stream normally after the queued events are written. */
	void complete();

	/**
	 * Ends the stream at once, discarding what is still queued, the way a network failure would:
	 * the connection is closed without ending the response (no last chunk on HTTP/1.1, a reset
	 * stream on HTTP/2). The Datastar client then retries and reconnects with its
	 * {@code Last-Event-ID}, whereas after {@link #complete()} it takes the stream as finished and
	 * never reopens it. The real-time hub aborts the streams of clients that do not keep up.
	 * {@link #onClose} callbacks run once, as for any end; calling it again, or after the stream
	 * ended, does nothing.
	 * <p>{@link DatastarEventStream}s do this on Tomcat and on Reactor Netty; elsewhere they, and
	 * this default, complete the stream normally instead.
	 */
	default void abort() {
		complete();
	}

	/** Runs {@code callback} once when the stream ends for any reason (completion, disconnect, timeout, error). */
	void onClose(Runnable callback);

	/**
	 * Whether the sink keeps its connection alive itself: the real-time hub then sends it no
	 * heartbeat comments of its own, so that a stream gets one per interval, not two.
	 */
	default boolean sendsOwnHeartbeats() {
		return false;
	}

}
