package io.github.datastarspring.compression;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import io.github.datastarspring.core.PatchElements;
import io.github.datastarspring.realtime.DatastarBroadcaster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A raw client asks a real server for a fat-morph stream (a 100-item list re-sent whole after each
 * change) with {@code Accept-Encoding}, and decodes the bytes as they arrive: the next change is
 * published only once the previous event has decoded whole, so a stream that did not flush each
 * event would stall here (read timeout) instead of passing. The same suite runs on Tomcat and Netty.
 */
abstract class AbstractCompressedStreamServerTests {

	static final String TOPIC = "compressed";

	private static final int EVENTS = 20;

	@LocalServerPort
	private int port;

	@Autowired
	private DatastarBroadcaster hub;

	@ParameterizedTest
	@ValueSource(strings = { "br", "gzip" })
	void everyEventOfACompressedStreamDecodesAsSoonAsItArrives(String encoding) throws IOException {
		HttpURLConnection stream = open("gzip;q=0.5, " + encoding);
		assertThat(stream.getHeaderField("Content-Encoding")).isEqualTo(encoding);
		assertThat(stream.getHeaderField("Vary")).containsIgnoringCase("Accept-Encoding");
		long onTheWire = 0;
		long decoded = 0;
		try (InputStream in = stream.getInputStream(); Decompressor decompressor = Decompressor.forEncoding(encoding)) {
			StringBuilder text = new StringBuilder();
			byte[] buffer = new byte[64 * 1024];
			for (int i = 0; i < EVENTS; i++) {
				this.hub.publish(TOPIC, PatchElements.of(list(i)));
				String end = "data: elements <p>change " + i + "</p>\n\n";
				while (text.indexOf(end) < 0) {
					int n = in.read(buffer);
					assertThat(n).as("the stream ended before change %d decoded", i).isPositive();
					onTheWire += n;
					byte[] chunk = new byte[n];
					System.arraycopy(buffer, 0, chunk, 0, n);
					byte[] plain = decompressor.decode(chunk);
					decoded += plain.length;
					text.append(new String(plain, StandardCharsets.UTF_8));
				}
			}
		}
		finally {
			stream.disconnect();
		}
		// A list re-sent whole differs from the last one by one item: the window makes it nearly free.
		assertThat(decoded / onTheWire).as("decoded %d bytes from %d on the wire", decoded, onTheWire)
			.isGreaterThan(encoding.equals("br") ? 100 : 10);
	}

	@Test
	void withoutAcceptEncodingTheStreamIsSentAsItIs() throws IOException {
		HttpURLConnection stream = open(null);
		assertThat(stream.getHeaderField("Content-Encoding")).isNull();
		try (InputStream in = stream.getInputStream()) {
			this.hub.publish(TOPIC, PatchElements.of(list(0)));
			StringBuilder text = new StringBuilder();
			byte[] buffer = new byte[64 * 1024];
			while (text.indexOf("data: elements <p>change 0</p>\n\n") < 0) {
				int n = in.read(buffer);
				assertThat(n).isPositive();
				text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
			}
		}
		finally {
			stream.disconnect();
		}
	}

	private HttpURLConnection open(String acceptEncoding) throws IOException {
		HttpURLConnection stream = (HttpURLConnection) URI.create("http://localhost:" + this.port + "/compressed")
			.toURL()
			.openConnection();
		stream.setRequestProperty("Accept", "text/event-stream");
		if (acceptEncoding != null) {
			stream.setRequestProperty("Accept-Encoding", acceptEncoding);
		}
		stream.setReadTimeout(10_000);
		assertThat(stream.getResponseCode()).isEqualTo(200);
		return stream;
	}

	/** The whole list after change {@code i}: item {@code i} is marked done, the rest as before. */
	private static String list(int change) {
		StringBuilder html = new StringBuilder("<ul id=\"todos\">\n");
		for (int item = 0; item < 100; item++) {
			html.append("<li id=\"todo-")
				.append(item)
				.append(item <= change ? "\" class=\"completed\">" : "\">")
				.append("Todo number ")
				.append(item)
				.append(": water the plants and read the paper</li>\n");
		}
		return html.append("</ul>\n<p>change ").append(change).append("</p>").toString();
	}

}
