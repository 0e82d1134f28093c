package io.github.datastarspring.webflux;

import java.time.Duration;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Makes the response headers go out soon on a stream whose first event is late: WebFlux commits
 * the response only at the body's first signal, and an empty frame is such a signal. It is not
 * sent at once, so that an error that comes first (bad signals read by a {@code Mono<T>}
 * parameter) still becomes a proper 400 instead of a broken 200 stream.
 */
final class EarlyHeaders {

	/** An empty frame: nothing on the wire, but it commits and flushes the headers. */
	static final byte[] EMPTY = new byte[0];

	static final Duration DELAY = Duration.ofMillis(50);

	private EarlyHeaders() {
	}

	static Flux<byte[]> flushSoon(Flux<byte[]> events) {
		Sinks.Empty<Void> done = Sinks.empty();
		Flux<byte[]> tracked = events.doFinally(signal -> done.tryEmitEmpty());
		Mono<byte[]> early = Mono.delay(DELAY).thenReturn(EMPTY).takeUntilOther(done.asMono());
		return Flux.merge(32, tracked, early);
	}

}
