package io.github.datastarspring;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A client of a load topic on a raw socket, reading as fast as it can on its own thread: counts
 * the events whose HTML carries {@code data-t="<System.nanoTime() at publish>"} and records how
 * long each took to arrive.
 * Raw bytes on purpose: a load client that times arrival without parsing events.
 */
final class LoadReader implements AutoCloseable {

	private static final byte[] MARKER = "data-t=\"".getBytes(StandardCharsets.US_ASCII);

	private final Socket socket;

	private final long[] latencies;

	private volatile int received;

	private final Thread thread;

	LoadReader(int port, String path, int expected) throws IOException {
		this.socket = new Socket();
		this.socket.connect(new InetSocketAddress("localhost", port), 5000);
		OutputStream out = this.socket.getOutputStream();
		out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n"
				+ "Datastar-Request: true\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
		this.latencies = new long[expected];
		this.thread = new Thread(this::read, "load-reader");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	private void read() {
		byte[] buffer = new byte[64 * 1024 + MARKER.length + 32];
		int carry = 0;
		try (InputStream in = this.socket.getInputStream()) {
			while (true) {
				int n = in.read(buffer, carry, buffer.length - carry - 0);
				if (n < 0) {
					return;
				}
				long now = System.nanoTime();
				int end = carry + n;
				int i = 0;
				int keepFrom = Math.max(0, end - (MARKER.length + 24));
				while (i <= end - MARKER.length) {
					if (matches(buffer, i)) {
						int j = i + MARKER.length;
						long t = 0;
						while (j < end && buffer[j] >= '0' && buffer[j] <= '9') {
							t = t * 10 + (buffer[j] - '0');
							j++;
						}
						if (j >= end) {
							// The number continues in the next read.
							keepFrom = i;
							break;
						}
						int r = this.received;
						if (r < this.latencies.length) {
							this.latencies[r] = now - t;
						}
						this.received = r + 1;
						i = j;
						keepFrom = Math.max(keepFrom, j);
					}
					else {
						i++;
					}
				}
				carry = end - keepFrom;
				System.arraycopy(buffer, keepFrom, buffer, 0, carry);
			}
		}
		catch (IOException ex) {
			// closed
		}
	}

	private static boolean matches(byte[] buffer, int at) {
		for (int k = 0; k < MARKER.length; k++) {
			if (buffer[at + k] != MARKER[k]) {
				return false;
			}
		}
		return true;
	}

	int received() {
		return this.received;
	}

	long[] latencies() {
		return Arrays.copyOf(this.latencies, Math.min(this.received, this.latencies.length));
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
