package io.github.datastarspring.webflux;

import java.util.List;
import java.util.Map;

import io.github.datastarspring.core.DatastarHeaders;
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
import org.springframework.http.codec.ServerSentEventHttpMessageWriter;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;

/**
 * Writes {@code ServerSentEvent<String>} streams asked for by the Datastar client (requests with
 * {@code Datastar-Request}) in the layout of the Datastar protocol ({@code event}, {@code id},
 * {@code retry}, {@code data}, a space after each colon) with the Datastar stream headers, so that
 * {@link DatastarServerSentEvents} give the same bytes as a Datastar stream. Every other request, an
 * {@code EventSource} of the same application for example, gets Spring's own writer, bytes and
 * headers unchanged (Spring puts {@code id} first and no space after the colon: the same events for
 * a browser, different bytes). Other {@code ServerSentEvent} types are left to Spring.
 */
public class DatastarServerSentEventHttpMessageWriter implements HttpMessageWriter<ServerSentEvent<String>> {

	private final ServerSentEventHttpMessageWriter spring = new ServerSentEventHttpMessageWriter();

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

	/** Without a request to ask (a client writing a body, for example): Spring's own writer. */
	@Override
	public Mono<Void> write(Publisher<? extends ServerSentEvent<String>> input, ResolvableType elementType,
			@Nullable MediaType mediaType, ReactiveHttpOutputMessage message, Map<String, Object> hints) {
		return this.spring.write(input, elementType, mediaType, message, hints);
	}

	@Override
	public Mono<Void> write(Publisher<? extends ServerSentEvent<String>> input, ResolvableType actualType,
			ResolvableType elementType, @Nullable MediaType mediaType, ServerHttpRequest request,
			ServerHttpResponse response, Map<String, Object> hints) {
		if (!request.getHeaders().containsHeader(DatastarHeaders.DATASTAR_REQUEST)) {
			return this.spring.write(input, actualType, elementType, mediaType, request, response, hints);
		}
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
