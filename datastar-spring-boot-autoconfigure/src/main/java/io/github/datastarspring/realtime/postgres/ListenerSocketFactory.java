package io.github.datastarspring.realtime.postgres;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;

import javax.net.SocketFactory;

/**
 * The sockets of the event log's listener connection (the PostgreSQL driver's
 * {@code socketFactory}); set by the starter, not meant for applications.
 *
 * <p>After each notification the driver checks whether more is pending with a read that waits
 * 1 ms ({@code setSoTimeout(1)}), and it waits the whole millisecond whenever nothing is: every
 * wake-up came 1 ms late, about half of a cross-instance delivery. On these sockets that check
 * answers at once from what has arrived.
 */
public final class ListenerSocketFactory extends SocketFactory {

	/** What the driver names in its {@code socketFactory} property. */
	public ListenerSocketFactory() {
	}

	@Override
	public Socket createSocket() {
		return new ListenerSocket();
	}

	@Override
	public Socket createSocket(String host, int port) throws IOException {
		return connected(new InetSocketAddress(host, port));
	}

	@Override
	public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
		return connected(new InetSocketAddress(host, port));
	}

	@Override
	public Socket createSocket(InetAddress host, int port) throws IOException {
		return connected(new InetSocketAddress(host, port));
	}

	@Override
	public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
			throws IOException {
		return connected(new InetSocketAddress(address, port));
	}

	private static Socket connected(InetSocketAddress address) throws IOException {
		Socket socket = new ListenerSocket();
		socket.connect(address);
		return socket;
	}

	/** A socket whose 1 ms reads do not wait: the driver's "anything more pending?" probe. */
	static final class ListenerSocket extends Socket {

		private volatile boolean probing;

		private @org.jspecify.annotations.Nullable InputStream input;

		@Override
		public void setSoTimeout(int timeout) throws SocketException {
			this.probing = (timeout == 1);
			super.setSoTimeout(timeout);
		}

		@Override
		public synchronized InputStream getInputStream() throws IOException {
			if (this.input == null) {
				this.input = new FilterInputStream(super.getInputStream()) {

					@Override
					public int read() throws IOException {
						probe();
						return super.read();
					}

					@Override
					public int read(byte[] bytes, int offset, int length) throws IOException {
						probe();
						return super.read(bytes, offset, length);
					}

					private void probe() throws IOException {
						if (ListenerSocket.this.probing && this.in.available() == 0) {
							throw new SocketTimeoutException("Nothing pending");
						}
					}

				};
			}
			return this.input;
		}

	}

}
