package io.github.datastarspring.core;

/**
 * Told about every event stream of an application, for metrics. Define a bean of this type to
 * count streams, bytes and slow clients; calls come from the streams' writer and sender threads
 * and must return quickly.
 */
public interface StreamObserver {

	/** Observes nothing. */
	StreamObserver NONE = new StreamObserver() {
	};

	/** A stream started writing to its client. */
	default void streamOpened() {
	}

	/** A stream ended, for any reason. */
	default void streamClosed() {
	}

	/** A chunk (one event or heartbeat, after compression) of {@code bytes} bytes was written. */
	default void chunkWritten(int bytes) {
	}

	/** An event was refused because the stream's send queue was full. */
	default void eventRefused() {
	}

	/** A stream was aborted because its client took nothing for a whole heartbeat interval. */
	default void streamStalled() {
	}

}
