package io.github.datastarspring.docs;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** The lines of a Datastar stream as they arrive, for the tests of the docs' code. */
public final class EventStreamLines implements AutoCloseable {

	private final List<String> lines = new CopyOnWriteArrayList<>();

	private final CompletableFuture<HttpResponse<Stream<String>>> response;

	public EventStreamLines(String url) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.header("Datastar-Request", "true")
			.header("Accept", "text/event-stream")
			.build();
		this.response = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
		this.response.thenAcceptAsync((answer) -> answer.body().forEach(this.lines::add));
	}

	/** Everything received so far, one string. */
	public String text() {
		return String.join("\n", this.lines);
	}

	@Override
	public void close() {
		this.response.thenAccept((answer) -> answer.body().close());
		this.response.cancel(true);
	}

}
