package io.github.datastarspring;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * An HTTP/1.1 request for a Datastar stream on a raw socket, to see what a browser sees of the
 * end of the response: the last chunk of a complete response, or a connection that just closes.
 * Kept raw on purpose (events are read with LiveEventStream): clients that never read and that leave
 * with a TCP reset.
 */
public final class RawSseConnection implements Closeable {

	/** How a response ended. */
	public enum Ending {

		/** The chunked body ended with its last chunk: the stream is finished. */
		COMPLETED,

		/** The connection closed (or was reset) before the last chunk: a network error. */
		ABORTED

	}

	private final Socket socket;

	private final InputStream in;

	private final ByteArrayOutputStream received = new ByteArrayOutputStream();

	private RawSseConnection(Socket socket) throws IOException {
		this.socket = socket;
		this.in = socket.getInputStream();
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
		Socket socket = new Socket();
		if (receiveBufferSize > 0) {
			socket.setReceiveBufferSize(receiveBufferSize);
		}
		socket.connect(new InetSocketAddress("localhost", port), 5000);
		socket.setSoTimeout(10_000);
		OutputStream out = socket.getOutputStream();
		out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost:" + port
				+ "\r\nAccept: text/event-stream\r\nDatastar-Request: true\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
		return new RawSseConnection(socket);
	}

	/** Reads until {@code text} has arrived; fails after 10 s or when the response ends first. */
	public void await(String text) throws IOException {
		await(text, 1);
	}

	/** Reads until {@code text} has arrived {@code times} times (within one chunk each); fails after 20 s. */
	public void await(String text, int times) throws IOException {
		byte[] buffer = new byte[8192];
		long deadline = System.nanoTime() + 20_000_000_000L;
		while (occurrences(received(), text) < times) {
			if (System.nanoTime() > deadline) {
				throw new IOException("\"" + text + "\" did not arrive " + times + " times within 20 s: " + tail());
			}
			int n = this.in.read(buffer);
			if (n < 0) {
				throw new IOException("Response ended before \"" + text + "\" arrived: " + received());
			}
			this.received.write(buffer, 0, n);
		}
	}

	/** Reads to the end of the response; fails after 10 s without one. */
	public Ending readToEnd() throws IOException {
		byte[] buffer = new byte[64 * 1024];
		while (true) {
			if (received().endsWith("\r\n0\r\n\r\n")) {
				return Ending.COMPLETED;
			}
			int n;
			try {
				n = this.in.read(buffer);
			}
			catch (SocketTimeoutException ex) {
				throw new IOException("The response neither ended nor failed within 10 s: " + tail(), ex);
			}
			catch (IOException ex) {
				// Connection reset: the client's read fails.
				return Ending.ABORTED;
			}
			if (n < 0) {
				return Ending.ABORTED;
			}
			this.received.write(buffer, 0, n);
		}
	}

	private static int occurrences(String all, String text) {
		int count = 0;
		for (int i = all.indexOf(text); i >= 0; i = all.indexOf(text, i + text.length())) {
			count++;
		}
		return count;
	}

	/** Resizes the receive buffer, to read quickly what a client that stalled left unread. */
	public void setReceiveBufferSize(int size) throws IOException {
		this.socket.setReceiveBufferSize(size);
	}

	/** Everything received so far, headers included. */
	public String received() {
		return this.received.toString(StandardCharsets.UTF_8);
	}

	private String tail() {
		String all = received();
		return all.substring(Math.max(0, all.length() - 200));
	}

	/** Closes with a reset, as a client that vanishes does (a crash, a lost network). */
	public void closeAbruptly() throws IOException {
		this.socket.setSoLinger(true, 0);
		this.socket.close();
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
