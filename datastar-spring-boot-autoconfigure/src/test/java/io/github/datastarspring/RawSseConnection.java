package io.github.datastarspring;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;

import io.github.datastarspring.test.LiveEventStream;

/**
 * An HTTP/1.1 request for a Datastar stream on a raw socket, to see what a browser sees of the
 * end of the response: the last chunk of a complete response, or a connection that just closes.
 * A thin delegate to {@link LiveEventStream} of datastar-spring-boot-test, kept for its callers.
 */
public final class RawSseConnection implements Closeable {

	/** How a response ended. */
	public enum Ending {

		/** The chunked body ended with its last chunk: the stream is finished. */
		COMPLETED,

		/** The connection closed (or was reset) before the last chunk: a network error. */
		ABORTED

	}

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final LiveEventStream stream;

	private RawSseConnection(LiveEventStream stream) {
		this.stream = stream;
	}

	/** Sends {@code GET path} as the Datastar client does. */
	public static RawSseConnection open(int port, String path) throws IOException {
		return open(port, path, 0);
	}

	/**
	 * The same with a receive buffer of {@code receiveBufferSize} bytes (0: the default), small
	 * for a client that stalls the server by not reading.
	 */
	public static RawSseConnection open(int port, String path, int receiveBufferSize) throws IOException {
		return new RawSseConnection(LiveEventStream.connect("http://localhost:" + port + path)
			.receiveBufferSize(receiveBufferSize)
			.timeout(TIMEOUT)
			.open());
	}

	/** Reads until {@code text} has arrived; fails after 10 s or when the response ends first. */
	public void await(String text) {
		this.stream.awaitRaw(text, TIMEOUT);
	}

	/** Reads to the end of the response; fails after 10 s without one. */
	public Ending readToEnd() {
		return Ending.valueOf(this.stream.awaitEnd(TIMEOUT).name());
	}

	/** Resizes the receive buffer, to read quickly what a client that stalled left unread. */
	public void setReceiveBufferSize(int size) throws IOException {
		this.stream.setReceiveBufferSize(size);
	}

	/** Everything received so far, headers included. */
	public String received() {
		return this.stream.rawResponse();
	}

	@Override
	public void close() {
		this.stream.close();
	}

}
