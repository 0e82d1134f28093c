package dev.datastar.spring.sample.dashboard.web;

import java.time.Duration;

import dev.datastar.spring.core.DatastarEvent;
import dev.datastar.spring.core.DatastarEventEncoder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;

/**
 * Writes a stream of Datastar events to a WebFlux response, flushing each one, with a heartbeat
 * comment so idle proxies keep the connection. Encoding is the core's {@link DatastarEventEncoder}.
 *
 * <p>Stand-in until the starter's WebFlux support (controllers returning
 * {@code Flux<DatastarEvent>}) is on the main branch.
 */
final class InterimSseWriter {

	private final DatastarEventEncoder encoder;

	private final Duration heartbeat;

	InterimSseWriter(DatastarEventEncoder encoder, Duration heartbeat) {
		this.encoder = encoder;
		this.heartbeat = heartbeat;
	}

	Mono<Void> write(ServerHttpResponse response, Flux<DatastarEvent> events) {
		response.getHeaders().setContentType(new MediaType("text", "event-stream", java.nio.charset.StandardCharsets.UTF_8));
		response.getHeaders().setCacheControl("no-cache");
		response.getHeaders().set("X-Accel-Buffering", "no");
		Flux<byte[]> bytes = Flux.merge(events.map(this.encoder::encode),
				Flux.interval(this.heartbeat, this.heartbeat).map((i) -> this.encoder.comment(null)));
		Flux<Mono<DataBuffer>> chunks = bytes.map((b) -> Mono.just(response.bufferFactory().wrap(b)));
		return response.writeAndFlushWith(chunks);
	}

}
