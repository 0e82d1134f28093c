package io.github.datastarspring.realtime.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The listener's sockets keep the driver's contract (on loopback): a probe reads what is pending and
 * times out when nothing is, and the socket stays usable. How much sooner a wake-up arrives is
 * measured by {@code ClusterMeasurementTests}, not asserted here.
 */
class ListenerSocketFactoryTests {

	private ServerSocket server;

	/** A listener's socket. */
	private Socket client;

	/** The server's end of it. */
	private Socket peer;

	@BeforeEach
	void connect() throws IOException {
		this.server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
		this.client = new ListenerSocketFactory().createSocket(InetAddress.getLoopbackAddress(), this.server.getLocalPort());
		this.peer = this.server.accept();
	}

	@AfterEach
	void close() throws IOException {
		this.peer.close();
		this.client.close();
		this.server.close();
	}

	@Test
	void aProbeWithNothingPendingTimesOutAtOnceAndTheSocketStaysUsable() throws Exception {
		InputStream in = this.client.getInputStream();
		this.client.setSoTimeout(1);
		assertThatExceptionOfType(SocketTimeoutException.class).isThrownBy(in::read);
		this.peer.getOutputStream().write(new byte[] { 'A', 'B' });
		this.peer.getOutputStream().flush();
		// A normal wait sees the bytes; then a probe reads what is pending without waiting.
		this.client.setSoTimeout(10_000);
		assertThat(in.read()).isEqualTo('A');
		this.client.setSoTimeout(1);
		assertThat(in.read()).isEqualTo('B');
		assertThatExceptionOfType(SocketTimeoutException.class).isThrownBy(in::read);
	}

	@Test
	void aWaitLongerThanTheProbeStillWaitsForTheServer() throws Exception {
		this.client.setSoTimeout(2);
		assertThatExceptionOfType(SocketTimeoutException.class).isThrownBy(this.client.getInputStream()::read);
		this.client.setSoTimeout(0);
		Thread writer = new Thread(() -> {
			try {
				this.peer.getOutputStream().write('N');
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		});
		writer.start();
		assertThat(this.client.getInputStream().read()).isEqualTo('N');
		writer.join();
	}

}
