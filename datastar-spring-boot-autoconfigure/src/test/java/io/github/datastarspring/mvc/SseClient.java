package io.github.datastarspring.mvc;

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

/** Reads a real server's event stream line by line as it arrives. */
final class SseClient implements AutoCloseable {

	static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	final HttpResponse<InputStream> response;

	private final BufferedReader reader;

	private SseClient(HttpResponse<InputStream> response) {
		this.response = response;
		this.reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
	}

	/** Sends the request and returns as soon as the response headers are in. */
	static SseClient open(String url) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Datastar-Request", "true")
			.header("Accept", "text/event-stream").build();
		return new SseClient(HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
			.get(10, java.util.concurrent.TimeUnit.SECONDS));
	}

	/** The next event's lines (without the blank line), or {@code null} at the end of the stream. */
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
			event.append(line).append('\n');
		}
		return (event.length() > 0) ? event.toString() : null;
	}

	/** Everything until the server ends the stream. */
	String rest() throws IOException {
		StringBuilder all = new StringBuilder();
		String line;
		while ((line = this.reader.readLine()) != null) {
			all.append(line).append('\n');
		}
		return all.toString();
	}

	@Override
	public void close() throws IOException {
		this.response.body().close();
	}

}
