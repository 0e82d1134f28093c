package io.github.datastarspring.benchmarks.compression;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.DecoderJNI;
import io.github.datastarspring.benchmarks.servers.StarterMvc;
import io.github.datastarspring.benchmarks.servers.StarterWebFlux;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Bytes on the wire of the TodoMVC fat-morph stream (100 todos, one toggled per event) as the
 * starter itself sends it: a real server per stack, one stream asking for each encoding through
 * {@code Accept-Encoding}, the starter's default compression settings. The client decodes as the
 * bytes arrive and counts whole events, so a stream whose events do not decode on arrival never
 * finishes (and is reported as such). Prints a Markdown table.
 */
public final class StarterCompressionBench {

	private static final int EVENTS = 200;

	private StarterCompressionBench() {
	}

	public static void main(String[] args) throws Exception {
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT,
				"TodoMVC fat-morph stream through the starter (default settings): %d events on one stream.%n%n", EVENTS));
		out.append("| stack | Accept-Encoding | Content-Encoding | bytes on the wire | decoded bytes | ratio | ms for all events |\n");
		out.append("|---|---|---|---:|---:|---:|---:|\n");
		for (Class<?> app : new Class<?>[] { StarterMvc.class, StarterWebFlux.class }) {
			boolean reactive = app == StarterWebFlux.class;
			SpringApplication application = new SpringApplication(app);
			application.setWebApplicationType(reactive ? WebApplicationType.REACTIVE : WebApplicationType.SERVLET);
			application.setDefaultProperties(Map.of("server.address", "127.0.0.1", "server.port", "0",
					"spring.main.banner-mode", "off", "logging.level.root", "warn", "spring.autoconfigure.exclude",
					"org.springframework.boot.jetty.autoconfigure.servlet.JettyServletWebServerAutoConfiguration,"
							+ "org.springframework.boot.jetty.autoconfigure.reactive.JettyReactiveWebServerAutoConfiguration"));
			try (ConfigurableApplicationContext context = application.run()) {
				int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
				for (String accept : new String[] { "identity", "gzip", "br" }) {
					out.append(measure(reactive ? "WebFlux" : "MVC", port, accept));
				}
			}
		}
		System.out.print(out);
	}

	private static String measure(String stack, int port, String accept) throws Exception {
		HttpURLConnection stream = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/stream")
			.toURL()
			.openConnection();
		stream.setRequestProperty("Accept", "text/event-stream");
		stream.setRequestProperty("Accept-Encoding", accept);
		stream.setReadTimeout(60_000);
		String encoding = String.valueOf(stream.getHeaderField("Content-Encoding"));
		AtomicLong wire = new AtomicLong();
		InputStream counted = new FilterInputStream(stream.getInputStream()) {
			@Override
			public int read() throws IOException {
				int b = super.read();
				wire.addAndGet(b < 0 ? 0 : 1);
				return b;
			}

			@Override
			public int read(byte[] b, int off, int len) throws IOException {
				int n = super.read(b, off, len);
				wire.addAndGet(Math.max(0, n));
				return n;
			}
		};
		AtomicInteger events = new AtomicInteger();
		AtomicLong decoded = new AtomicLong();
		CountDownLatch opened = new CountDownLatch(1);
		CountDownLatch done = new CountDownLatch(1);
		Thread reader = new Thread(() -> {
			try (BufferedReader lines = new BufferedReader(new InputStreamReader(decoder(encoding, counted, opened),
					StandardCharsets.UTF_8))) {
				opened.countDown();
				String line;
				while ((line = lines.readLine()) != null) {
					decoded.addAndGet(line.getBytes(StandardCharsets.UTF_8).length + 1);
					if (line.equals("event: datastar-patch-elements") && events.incrementAndGet() == EVENTS) {
						done.countDown();
					}
				}
			}
			catch (IOException ex) {
				// the stream is closed below
			}
		}, "compression-reader");
		reader.setDaemon(true);
		reader.start();
		opened.await(30, TimeUnit.SECONDS);
		awaitSubscriber(port);
		long wireBefore = wire.get();
		long decodedBefore = decoded.get();
		long t0 = System.nanoTime();
		post(port, "/publish-todos?count=" + EVENTS);
		boolean complete = done.await(120, TimeUnit.SECONDS);
		double millis = (System.nanoTime() - t0) / 1e6;
		long onWire = wire.get() - wireBefore;
		long plain = decoded.get() - decodedBefore;
		stream.disconnect();
		if (!complete) {
			return String.format(Locale.ROOT, "| %s | %s | %s | %,d | %,d | only %d of %d events decoded on arrival | |%n",
					stack, accept, encoding, onWire, plain, events.get(), EVENTS);
		}
		return String.format(Locale.ROOT, "| %s | %s | %s | %,d | %,d | %,.0f:1 | %.0f |%n", stack, accept, encoding,
				onWire, plain, (double) plain / Math.max(1, onWire), millis);
	}

	/**
	 * Decodes what the server sent. Brotli's stream opens lazily: constructing the decoder reads the
	 * first bytes, which arrive only with the first event or heartbeat.
	 */
	private static InputStream decoder(String encoding, InputStream in, CountDownLatch opened) throws IOException {
		if (encoding.equals("gzip")) {
			opened.countDown(); // the gzip header arrives with the first chunk, after the subscription
			return new GZIPInputStream(in, 512);
		}
		if (encoding.equals("br")) {
			if (!Brotli4jLoader.isAvailable()) {
				throw new IOException("brotli4j unavailable: " + Brotli4jLoader.getUnavailabilityCause());
			}
			opened.countDown();
			return new BrotliArrival(in);
		}
		return in;
	}

	private static void awaitSubscriber(int port) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (!get(port, "/status").startsWith("subscribers=1 ")) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("the stream did not subscribe within 30 s");
			}
			TimeUnit.MILLISECONDS.sleep(20); // polling a status endpoint, not synchronising a test
		}
	}

	private static String get(int port, String path) throws IOException {
		HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
		try (InputStream in = c.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static void post(int port, String path) throws IOException {
		HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
		c.setRequestMethod("POST");
		try (InputStream in = c.getInputStream()) {
			in.readAllBytes();
		}
	}

	/**
	 * Decodes Brotli as the bytes arrive. brotli4j's own {@code BrotliInputStream} waits for more
	 * input before it hands over bytes that crossed the end of its ring buffer (a browser's decoder
	 * does not), so each chunk read is pushed once more before its output is taken.
	 */
	private static final class BrotliArrival extends InputStream {

		private final InputStream in;

		private final DecoderJNI.Wrapper decoder;

		private final byte[] raw = new byte[16 * 1024];

		private ByteArrayInputStream decoded = new ByteArrayInputStream(new byte[0]);

		BrotliArrival(InputStream in) throws IOException {
			this.in = in;
			this.decoder = new DecoderJNI.Wrapper(this.raw.length);
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return (read(one, 0, 1) < 0) ? -1 : (one[0] & 0xff);
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			while (this.decoded.available() == 0) {
				int n = this.in.read(this.raw);
				if (n < 0) {
					return -1;
				}
				this.decoded = new ByteArrayInputStream(decode(n));
			}
			return this.decoded.read(b, off, len);
		}

		private byte[] decode(int n) throws IOException {
			ByteBuffer input = this.decoder.getInputBuffer();
			input.clear();
			input.put(this.raw, 0, n);
			this.decoder.push(n);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			boolean pushedAgain = false;
			while (true) {
				DecoderJNI.Status status = this.decoder.getStatus();
				if (this.decoder.hasOutput() || status == DecoderJNI.Status.NEEDS_MORE_OUTPUT) {
					ByteBuffer chunk = this.decoder.pull();
					byte[] bytes = new byte[chunk.remaining()];
					chunk.get(bytes);
					out.write(bytes);
				}
				else if (status == DecoderJNI.Status.OK) {
					this.decoder.push(0);
				}
				else if (status == DecoderJNI.Status.NEEDS_MORE_INPUT && !pushedAgain) {
					pushedAgain = true;
					this.decoder.push(0);
				}
				else if (status == DecoderJNI.Status.NEEDS_MORE_INPUT || status == DecoderJNI.Status.DONE) {
					return out.toByteArray();
				}
				else {
					throw new IOException("Brotli decoding failed: " + status);
				}
			}
		}

		@Override
		public void close() throws IOException {
			this.decoder.destroy();
			this.in.close();
		}

	}

}
