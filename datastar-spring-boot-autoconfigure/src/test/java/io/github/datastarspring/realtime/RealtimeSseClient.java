package io.github.datastarspring.realtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Reads a real server's event stream as it arrives, skipping comments (heartbeats); closing it
 * drops the connection, as a browser tab that goes away.
 */
final class RealtimeSseClient implements AutoCloseable {

	static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final HttpResponse<InputStream> response;

	private final BufferedReader reader;

	private RealtimeSseClient(HttpResponse<InputStream> response) {
		this.response = response;
		this.reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8), 64 * 1024);
	}

	/** Opens the stream, with {@code Last-Event-ID} when not {@code null}. */
	static RealtimeSseClient open(String url, String lastEventId) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.header("Datastar-Request", "true")
			.header("Accept", "text/event-stream");
		if (lastEventId != null) {
			request.header("Last-Event-ID", lastEventId);
		}
		HttpResponse<InputStream> response = HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream())
			.get(10, TimeUnit.SECONDS);
		if (response.statusCode() != 200) {
			throw new IllegalStateException("HTTP " + response.statusCode());
		}
		return new RealtimeSseClient(response);
	}

	/** The next event's lines (without comments and the blank line), or {@code null} at the end. */
	String nextEvent() throws IOException {
		StringBuilder event = new StringBuilder();
		String line;
		while ((line = this.reader.readLine()) != null) {
			if (line.isEmpty()) {
				if (event.length() > 0) {
					return event.toString();
				}
				continue;
			}
			if (!line.startsWith(":")) {
				event.append(line).append('\n');
			}
		}
		return null;
	}

	@Override
	public void close() {
		try {
			this.response.body().close();
		}
		catch (IOException ex) {
			// Closing is all we wanted.
		}
	}

	static String id(String event) {
		return TestSink.id(event);
	}

	/** The number in a {@code <p id="...">n</p>} patch. */
	static int value(String event) {
		String html = TestSink.elements(event);
		return Integer.parseInt(html.substring(html.indexOf('>') + 1, html.lastIndexOf('<')));
	}

	static boolean isSnapshot(String event) {
		return TestSink.elements(event).startsWith("<p id=\"s\">");
	}

}
