package io.github.datastarspring.core.internal;

import java.io.IOException;
import java.util.concurrent.Executor;

import org.jspecify.annotations.Nullable;

/**
 * How the bytes of one {@link io.github.datastarspring.core.DatastarEventStream} reach its
 * client: the only part of a stream each web stack writes. Every method except {@link #start} is
 * called by the stream's single writer, never twice at once, and none may block on the socket.
 */
public interface StreamTransport {

	/** Called once, before anything else, with what the transport reports back to its stream. */
	void start(Events events);

	/**
	 * The thread this connection is best written from (its event loop), or {@code null} for the
	 * shared writer pool. Writing from the connection's own thread saves a hand-off per event
	 * and stream; it must never block.
	 */
	default @Nullable Executor writer() {
		return null;
	}

	/** The request's {@code Accept-Encoding}, if any. */
	@Nullable String acceptEncoding();

	/** Declares the response compressed with {@code token}; called before the headers are sent. */
	void contentEncoding(String token);

	/**
	 * Whether a chunk can be written now without waiting for the client; flushes what an earlier
	 * write left behind (the headers first of all). When {@code false}, the transport later calls
	 * {@link Events#writePossible()}.
	 */
	boolean isReady() throws IOException;

	/** Writes and flushes one chunk; only after {@link #isReady()} returned {@code true}. */
	void write(byte[] chunk) throws IOException;

	/** Ends the response normally; called at most once, or {@link #abort()} instead. */
	void end();

	/** Closes the connection without ending the response where possible, else ends it. */
	void abort();

	/** What a transport tells its stream. */
	interface Events {

		/** The client can take more: the stream writes what is queued. */
		void writePossible();

		/** The container ended the connection (the client left, an error, a timeout). */
		void closed();

	}

}
