package io.github.datastarspring.test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Datastar for {@link WebTestClient}: requests as the client sends them, and the events of the
 * response, whole or as they arrive.
 *
 * <pre class="code">
 * ReceivedEvents first = firstEvents(get(client, "/stream", Map.of("range", "5m")).exchange(), 3, Duration.ofSeconds(10));
 * </pre>
 */
public final class DatastarWebTestClient {

	private DatastarWebTestClient() {
	}

	/** A GET with {@code signals} in the {@code datastar} query parameter and the client's headers. */
	public static WebTestClient.RequestHeadersSpec<?> get(WebTestClient client, String uri, @Nullable Object signals) {
		return request(client, HttpMethod.GET, uri, signals);
	}

	/** A POST with {@code signals} as a JSON body and the client's headers. */
	public static WebTestClient.RequestHeadersSpec<?> post(WebTestClient client, String uri, @Nullable Object signals) {
		return request(client, HttpMethod.POST, uri, signals);
	}

	/** A PUT with {@code signals} as a JSON body and the client's headers. */
	public static WebTestClient.RequestHeadersSpec<?> put(WebTestClient client, String uri, @Nullable Object signals) {
		return request(client, HttpMethod.PUT, uri, signals);
	}

	/** A PATCH with {@code signals} as a JSON body and the client's headers. */
	public static WebTestClient.RequestHeadersSpec<?> patch(WebTestClient client, String uri, @Nullable Object signals) {
		return request(client, HttpMethod.PATCH, uri, signals);
	}

	/** A DELETE with {@code signals} in the {@code datastar} query parameter and the client's headers. */
	public static WebTestClient.RequestHeadersSpec<?> delete(WebTestClient client, String uri, @Nullable Object signals) {
		return request(client, HttpMethod.DELETE, uri, signals);
	}

	/**
	 * A request of any method as the Datastar client sends it; {@code null} signals send none.
	 * {@code uri} is a URI template without variables; the signals are encoded for the query.
	 */
	public static WebTestClient.RequestHeadersSpec<?> request(WebTestClient client, HttpMethod method, String uri,
			@Nullable Object signals) {
		WebTestClient.RequestBodySpec request;
		String json = (signals != null) ? ClientRequest.json(signals) : null;
		if (json != null && ClientRequest.signalsInQuery(method.name())) {
			String separator = uri.contains("?") ? "&" : "?";
			request = client.method(method).uri(uri + separator + ClientRequest.SIGNALS_PARAMETER + "={signals}", json);
		}
		else {
			request = client.method(method).uri(uri);
		}
		request.header(ClientRequest.DATASTAR_REQUEST, "true").header("Accept", ClientRequest.ACCEPT);
		if (json != null && !ClientRequest.signalsInQuery(method.name())) {
			return request.contentType(MediaType.APPLICATION_JSON).bodyValue(json);
		}
		return request;
	}

	/** The events of the response as they arrive, heartbeats left out; cancel to disconnect. */
	public static Flux<ReceivedEvent> stream(WebTestClient.ResponseSpec response) {
		Flux<DataBuffer> body = response.returnResult(DataBuffer.class).getResponseBody();
		return Flux.defer(() -> {
			SseParser parser = new SseParser();
			return body.concatMapIterable((buffer) -> {
				byte[] bytes = new byte[buffer.readableByteCount()];
				buffer.read(bytes);
				DataBufferUtils.release(buffer);
				return parser.accept(bytes);
			});
		});
	}

	/** All events of a response that ends, with its comments. */
	public static ReceivedEvents events(WebTestClient.ResponseSpec response) {
		byte[] body = response.expectBody(byte[].class).returnResult().getResponseBody();
		return ReceivedEvents.parse((body != null) ? body : new byte[0]);
	}

	/**
	 * The first {@code count} events of a stream, then disconnects; fails when the stream ends
	 * with fewer or they take longer than {@code timeout}.
	 */
	public static ReceivedEvents firstEvents(WebTestClient.ResponseSpec response, int count, Duration timeout) {
		List<ReceivedEvent> seen = new CopyOnWriteArrayList<>();
		try {
			stream(response).take(count).doOnNext(seen::add).then().timeout(timeout).block();
		}
		catch (RuntimeException ex) {
			if (!(Exceptions.unwrap(ex) instanceof TimeoutException)) {
				throw ex;
			}
			throw new AssertionError("Expected " + count + " events within " + timeout + " but got " + seen.size()
					+ ":\n" + ReceivedEvents.of(seen), ex);
		}
		if (seen.size() < count) {
			throw new AssertionError(
					"Expected " + count + " events but the stream ended after " + seen.size() + ":\n" + ReceivedEvents.of(seen));
		}
		return ReceivedEvents.of(seen);
	}

}
