package io.github.datastarspring.sample.dashboard.web;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import io.github.datastarspring.sample.dashboard.DashboardTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Netty's idle timeout ({@code server.netty.idle-timeout}, 20s in the sample, 2s here): a client
 * that sends half a request and stops is cut off (without it Netty waits forever, until the
 * process runs out of file descriptors); an event stream lives on, since the timeout only applies
 * while a connection waits for a request.
 */
@DashboardTest
@TestPropertySource(properties = "server.netty.idle-timeout=2s")
class SlowRequestTimeoutTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(2);

	@LocalServerPort
	private int port;

	@Test
	void aHalfSentRequestIsCutOffAfterTheTimeout() throws Exception {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write("GET / HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			long start = System.nanoTime();
			InputStream in = socket.getInputStream();
			while (in.read() != -1) {
				// drain whatever the server says before it closes
			}
			Duration waited = Duration.ofNanos(System.nanoTime() - start);
			assertThat(waited).isGreaterThanOrEqualTo(TIMEOUT.minusMillis(200)).isLessThan(TIMEOUT.plusSeconds(10));
		}
	}

	@Test
	void aStreamOutlivesTheTimeout() throws Exception {
		String signals = URLEncoder.encode("{\"pageId\":\"" + UUID.randomUUID() + "\",\"range\":\"1m\"}",
				StandardCharsets.UTF_8);
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream()
				.write(("GET /stream?datastar=" + signals + " HTTP/1.1\r\nHost: localhost\r\nDatastar-Request: true\r\n"
						+ "Accept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			InputStream in = socket.getInputStream();
			long start = System.nanoTime();
			Duration open = Duration.ZERO;
			byte[] buffer = new byte[8192];
			// Read for three times the timeout: the stream must still be delivering then.
			while (open.compareTo(TIMEOUT.multipliedBy(3)) < 0) {
				assertThat(in.read(buffer)).as("stream closed after %s", open).isNotEqualTo(-1);
				open = Duration.ofNanos(System.nanoTime() - start);
			}
		}
	}

}
