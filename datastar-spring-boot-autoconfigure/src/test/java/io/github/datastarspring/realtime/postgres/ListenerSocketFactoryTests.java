package io.github.datastarspring.realtime.postgres;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The listener's sockets keep the driver's contract (on loopback): a probe reads what is pending and
 * times out when nothing is, and the socket stays usable. How much sooner a wake-up arrives is
 * measured by {@code ClusterMeasurementTests}, not asserted here.
 */
class ListenerSocketFactoryTests {

	@Test
	void aProbeWithNothingPendingTimesOutAtOnceAndTheSocketStaysUsable() throws Exception {
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
				Socket client = new ListenerSocketFactory().createSocket(InetAddress.getLoopbackAddress(),
						server.getLocalPort());
				Socket peer = server.accept()) {
			InputStream in = client.getInputStream();
			client.setSoTimeout(1);
			assertThatExceptionOfType(SocketTimeoutException.class).isThrownBy(in::read);
			peer.getOutputStream().write(new byte[] { 'A', 'B' });
			peer.getOutputStream().flush();
			// A normal wait sees the bytes; then a probe reads what is pending without waiting.
			client.setSoTimeout(10_000);
			assertThat(in.read()).isEqualTo('A');
			client.setSoTimeout(1);
			assertThat(in.read()).isEqualTo('B');
			assertThatExceptionOfType(SocketTimeoutException.class).isThrownBy(in::read);
		}
	}

	@Test
	void aWaitLongerThanTheProbeStillWaitsForTheServer() throws Exception {
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
				Socket client = new ListenerSocketFactory().createSocket(InetAddress.getLoopbackAddress(),
						server.getLocalPort());
				Socket peer = server.accept()) {
			client.setSoTimeout(2);
			assertThatExceptionOfType(SocketTimeoutException.class).isThrownBy(client.getInputStream()::read);
			client.setSoTimeout(0);
			Thread writer = new Thread(() -> {
				try {
					peer.getOutputStream().write('N');
				}
				catch (java.io.IOException ex) {
					throw new IllegalStateException(ex);
				}
			});
			writer.start();
			assertThat(client.getInputStream().read()).isEqualTo('N');
			writer.join();
		}
	}

}
