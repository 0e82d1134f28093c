package io.github.datastarspring.mvc;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Heap retained per idle {@link DatastarEmitter} stream on Tomcat: opens many streams with plain
 * sockets (whose own heap share is tiny) and compares the heap after a full GC. A measurement, not
 * a check: run with {@code -Ddatastar.measure=true}.
 */
@EnabledIfSystemProperty(named = "datastar.measure", matches = "true",
		disabledReason = "a measurement: run with -Ddatastar.measure=true")
@SpringBootTest(classes = IdleStreamMemoryMeasurement.App.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.tomcat.threads.max=20", "datastar.sse.heartbeat=0" })
class IdleStreamMemoryMeasurement {

	static final int STREAMS = Integer.getInteger("datastar.measure.streams", 2000);

	@LocalServerPort
	int port;

	@Test
	void heapPerIdleStream() throws Exception {
		List<Socket> sockets = new ArrayList<>();
		open(sockets, 200); // warm-up: pools, classes, JIT
		long before = usedHeapAfterGc();
		open(sockets, STREAMS);
		long after = usedHeapAfterGc();
		System.out.printf("MEASURE idle streams: %d, heap per stream: %.1f KB%n", STREAMS,
				(after - before) / 1024.0 / STREAMS);
		if (Boolean.getBoolean("datastar.measure.histogram")) {
			Object histogram = ManagementFactory.getPlatformMBeanServer()
				.invoke(new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
						new Object[] { null }, new String[] { String[].class.getName() });
			String[] lines = histogram.toString().split("\n");
			for (int i = 0; i < Math.min(40, lines.length); i++) {
				System.out.println("HISTO " + lines[i]);
			}
		}
		for (Socket s : sockets) {
			s.close();
		}
	}

	private void open(List<Socket> sockets, int count) throws Exception {
		byte[] request = ("GET /idle HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII);
		for (int i = 0; i < count; i++) {
			Socket socket = new Socket("localhost", this.port);
			OutputStream out = socket.getOutputStream();
			out.write(request);
			out.flush();
			InputStream in = socket.getInputStream();
			// Wait for the end of the response headers.
			int matched = 0;
			while (matched < 4) {
				int b = in.read();
				if (b < 0) {
					throw new IllegalStateException("closed");
				}
				matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : ((b == '\r') ? 1 : 0);
			}
			sockets.add(socket);
		}
	}

	private static long usedHeapAfterGc() throws InterruptedException {
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(200); // not synchronisation: lets the collector settle before reading the figure
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(IdleController.class)
	static class App {

		/** {@code -Ddatastar.measure.socket-buffer=2048} shrinks Tomcat's per-connection socket buffers. */
		@org.springframework.context.annotation.Bean
		org.springframework.boot.web.server.WebServerFactoryCustomizer<org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory> socketBuffers() {
			return (factory) -> {
				String size = System.getProperty("datastar.measure.socket-buffer");
				if (size != null) {
					factory.addConnectorCustomizers((connector) -> {
						connector.setProperty("socket.appReadBufSize", size);
						connector.setProperty("socket.appWriteBufSize", size);
					});
				}
			};
		}

	}

	@RestController
	static class IdleController {

		@GetMapping("/idle")
		DatastarEmitter idle() {
			return new DatastarEmitter();
		}

	}

}
