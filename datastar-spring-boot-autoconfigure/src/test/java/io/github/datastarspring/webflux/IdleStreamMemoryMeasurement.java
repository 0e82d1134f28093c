package io.github.datastarspring.webflux;

import java.io.InputStream;
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
 * Heap retained per idle {@link DatastarStream} on Netty, the WebFlux twin of the MVC measurement:
 * plain sockets open the streams, the heap is compared after a full GC. A measurement, not a check:
 * run with {@code -Ddatastar.measure=true} ({@code -Ddatastar.measure.streams=N},
 * {@code -Ddatastar.measure.heartbeat=15s}).
 */
@EnabledIfSystemProperty(named = "datastar.measure", matches = "true",
		disabledReason = "a measurement: run with -Ddatastar.measure=true")
@SpringBootTest(classes = IdleStreamMemoryMeasurement.App.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive",
				"datastar.sse.heartbeat=${datastar.measure.heartbeat:0}" })
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
		System.out.printf("MEASURE webflux idle streams: %d, heap per stream: %.1f KB%n", STREAMS,
				(after - before) / 1024.0 / STREAMS);
		for (Socket s : sockets) {
			s.close();
		}
	}

	private void open(List<Socket> sockets, int count) throws Exception {
		byte[] request = "GET /idle HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n"
			.getBytes(StandardCharsets.US_ASCII);
		for (int i = 0; i < count; i++) {
			Socket socket = new Socket("localhost", this.port);
			socket.getOutputStream().write(request);
			InputStream in = socket.getInputStream();
			// The stream's headers are flushed at once: wait for their end.
			String end = "\r\n\r\n";
			int matched = 0;
			while (matched < end.length()) {
				int b = in.read();
				if (b < 0) {
					throw new IllegalStateException("closed");
				}
				matched = (b == end.charAt(matched)) ? matched + 1 : ((b == '\r') ? 1 : 0);
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

	}

	@RestController
	static class IdleController {

		@GetMapping("/idle")
		DatastarStream idle() {
			return new DatastarStream();
		}

	}

}
