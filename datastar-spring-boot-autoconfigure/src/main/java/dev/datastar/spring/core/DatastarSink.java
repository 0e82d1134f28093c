package dev.datastar.spring.core;

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
	 * the Datastar client then reconnects (sending its Last-Event-ID) instead of taking the stream
	 * as finished, which it does after {@link #complete()}. The real-time hub uses it for clients
	 * that do not keep up. Implementations should close the connection without ending the
	 * response normally; this default completes it.
	 */
	default void abort() {
		complete();
	}

	/** Runs {@code callback} once when the stream ends for any reason (completion, disconnect, timeout, error). */
	void onClose(Runnable callback);

}
