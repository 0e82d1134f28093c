package io.github.datastarspring.sample.todomvc;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A page's stream as a test sees it: a real connection, read event by event as they arrive. */
final class EventStream implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	final HttpResponse<InputStream> response;

	private final BufferedReader reader;

	private EventStream(HttpResponse<InputStream> response) {
		this.response = response;
		this.reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
	}

	/** Connects as the Datastar client does, optionally resuming after {@code lastEventId}. */
	static EventStream open(String url, String lastEventId) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.header("Datastar-Request", "true")
			.header("Accept", "text/event-stream, text/html, application/json");
		if (lastEventId != null) {
			request.header("Last-Event-ID", lastEventId);
		}
		return new EventStream(HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream())
			.get(10, TimeUnit.SECONDS));
	}

	/** The next event's lines, skipping heartbeat comments; fails after ten seconds. */
	String nextEvent() throws Exception {
		return CompletableFuture.supplyAsync(this::readEvent).get(10, TimeUnit.SECONDS);
	}

	private String readEvent() {
		try {
			StringBuilder event = new StringBuilder();
			String line;
			while ((line = this.reader.readLine()) != null) {
				if (line.isEmpty() && event.length() > 0) {
					return event.toString();
				}
				if (!line.isEmpty() && !line.startsWith(":")) {
					event.append(line).append('\n');
				}
			}
			throw new IllegalStateException("Stream ended; got " + event);
		}
		catch (java.io.IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The {@code id:} of an event. */
	static String id(String event) {
		return event.lines().filter((line) -> line.startsWith("id: ")).map((line) -> line.substring(4))
			.findFirst().orElseThrow();
	}

	@Override
	public void close() throws Exception {
		this.response.body().close();
	}

}
