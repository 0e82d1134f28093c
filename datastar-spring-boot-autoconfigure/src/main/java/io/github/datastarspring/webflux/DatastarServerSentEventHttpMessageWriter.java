package io.github.datastarspring.webflux;

import java.util.List;
import java.util.Map;

import io.github.datastarspring.core.SseFormat;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ReactiveHttpOutputMessage;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;

/**
 * Writes {@code ServerSentEvent<String>} streams in the layout of the Datastar protocol
 * ({@code event}, {@code id}, {@code retry}, {@code data}, a space after each colon) with the
 * Datastar stream headers, so that {@link DatastarServerSentEvents} give the same bytes as a
 * Datastar stream. Spring's own writer puts {@code id} first and no space after the colon: the same
 * events for a browser, different bytes. Other {@code ServerSentEvent} types are left to Spring.
 */
public class DatastarServerSentEventHttpMessageWriter implements HttpMessageWriter<ServerSentEvent<String>> {

	@Override
	public List<MediaType> getWritableMediaTypes() {
		return List.of(DatastarSseHeaders.TEXT_EVENT_STREAM);
	}

	@Override
	public boolean canWrite(ResolvableType elementType, @Nullable MediaType mediaType) {
		return ServerSentEvent.class.isAssignableFrom(elementType.toClass())
				&& String.class.equals(elementType.getGeneric(0).resolve())
				&& (mediaType == null || mediaType.isWildcardType() || DatastarSseHeaders.TEXT_EVENT_STREAM.isCompatibleWith(mediaType));
	}

	@Override
	public Mono<Void> write(Publisher<? extends ServerSentEvent<String>> input, ResolvableType elementType,
			@Nullable MediaType mediaType, ReactiveHttpOutputMessage message, Map<String, Object> hints) {
		DatastarSseHeaders.apply(message.getHeaders(), null);
		return message.writeAndFlushWith(frames(input, message.bufferFactory()));
	}

	@Override
	public Mono<Void> write(Publisher<? extends ServerSentEvent<String>> input, ResolvableType actualType,
			ResolvableType elementType, @Nullable MediaType mediaType, ServerHttpRequest request,
			ServerHttpResponse response, Map<String, Object> hints) {
		DatastarSseHeaders.apply(response.getHeaders(), request);
		return response.writeAndFlushWith(frames(input, response.bufferFactory()));
	}

	private static Flux<Publisher<DataBuffer>> frames(Publisher<? extends ServerSentEvent<String>> input,
			DataBufferFactory buffers) {
		Flux<byte[]> events = Flux.from(input)
			.map(sse -> SseFormat.encode(sse.event(), sse.id(), sse.retry(), sse.comment(), sse.data()));
		if (!(input instanceof Mono)) {
			events = EarlyHeaders.flushSoon(events);
		}
		return events.map(bytes -> Mono.just(buffers.wrap(bytes)));
	}

}
