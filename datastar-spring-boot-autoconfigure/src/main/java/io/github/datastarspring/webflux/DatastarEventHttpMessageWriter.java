package io.github.datastarspring.webflux;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

import io.github.datastarspring.core.DatastarEvent;
import io.github.datastarspring.core.DatastarEventEncoder;
import io.github.datastarspring.core.DatastarResponse;
import io.github.datastarspring.core.StreamCompressor;
import io.github.datastarspring.core.internal.StreamSupport;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ReactiveHttpOutputMessage;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;

/**
 * Writes {@link DatastarEvent}s, {@link DatastarResponse}s and {@link DatastarStream}s as a
 * Datastar SSE response: the bytes of {@link DatastarEventEncoder}, one flush per event, the same
 * headers and compression as the MVC stack. A single value is a one-shot answer; a {@code Flux}
 * and a {@code DatastarStream} are streams.
 */
final class DatastarEventHttpMessageWriter implements HttpMessageWriter<Object> {

	private final StreamSupport support;

	DatastarEventHttpMessageWriter(StreamSupport support) {
		this.support = support;
	}

	/** Whether values of {@code type} are written by this writer. */
	static boolean isDatastarType(Class<?> type) {
		return DatastarEvent.class.isAssignableFrom(type) || DatastarResponse.class.isAssignableFrom(type)
				|| DatastarStream.class.isAssignableFrom(type);
	}

	@Override
	public List<MediaType> getWritableMediaTypes() {
		return List.of(DatastarSseHeaders.TEXT_EVENT_STREAM);
	}

	@Override
	public boolean canWrite(ResolvableType elementType, @Nullable MediaType mediaType) {
		return isDatastarType(elementType.toClass())
				&& (mediaType == null || mediaType.isWildcardType() || DatastarSseHeaders.TEXT_EVENT_STREAM.isCompatibleWith(mediaType));
	}

	@Override
	public Mono<Void> write(Publisher<?> input, ResolvableType elementType, @Nullable MediaType mediaType,
			ReactiveHttpOutputMessage message, Map<String, Object> hints) {
		DatastarSseHeaders.apply(message.getHeaders(), null);
		return write(input, null, message, null);
	}

	@Override
	public Mono<Void> write(Publisher<?> input, ResolvableType actualType, ResolvableType elementType,
			@Nullable MediaType mediaType, ServerHttpRequest request, ServerHttpResponse response,
			Map<String, Object> hints) {
		DatastarSseHeaders.apply(response.getHeaders(), request);
		return write(input, request.getHeaders().getFirst(HttpHeaders.ACCEPT_ENCODING), response,
				StreamConnection.of(response));
	}

	private Mono<Void> write(Publisher<?> input, @Nullable String acceptEncoding, ReactiveHttpOutputMessage message,
			@Nullable StreamConnection connection) {
		DataBufferFactory buffers = message.bufferFactory();
		HttpHeaders headers = message.getHeaders();
		if (input instanceof Mono<?> single) {
			Flux<byte[]> body = single.flatMapMany((value) -> (value instanceof DatastarStream stream)
					? open(stream, acceptEncoding, headers, connection)
					: Mono.fromCallable(() -> oneShot(value, acceptEncoding, headers)));
			if (connection != null) {
				// Reactor Netty flushes what a turn of the event loop wrote at its end: without a
				// group of operators subscribed per chunk. A live stream's chunks bypass it anyway.
				return message.writeWith(body.map(buffers::wrap));
			}
			return message.writeAndFlushWith(body.map((bytes) -> Mono.just(buffers.wrap(bytes))));
		}
		StreamCompressor compressor = this.support.compression().forStream(acceptEncoding);
		Flux<byte[]> events = Flux.from(input).concatMap(this::encodeAll, 0);
		if (compressor != null) {
			headers.set(HttpHeaders.CONTENT_ENCODING, compressor.encoding());
			headers.add(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
			events = events.map(compressor::compress).doFinally((signal) -> compressor.close());
		}
		return message.writeAndFlushWith(EarlyHeaders.flushSoon(events).map((bytes) -> Mono.just(buffers.wrap(bytes))));
	}

	/** A live stream: bound to this response, then written as the connection asks for more. */
	private Flux<byte[]> open(DatastarStream stream, @Nullable String acceptEncoding, HttpHeaders headers,
			@Nullable StreamConnection connection) {
		ReactiveStreamTransport transport = new ReactiveStreamTransport(acceptEncoding, headers, connection);
		// Encodes what was sent before: a failure here is still an error response.
		stream.stream().attach(this.support, transport);
		// A live stream cannot fail once open: send the headers at once.
		return Flux.concat(Mono.just(EarlyHeaders.EMPTY), transport);
	}

	/** One answer, compressed as a whole when {@code StreamCompression} finds it worth it. */
	private byte[] oneShot(Object value, @Nullable String acceptEncoding, HttpHeaders headers) {
		byte[] bytes = encode(value);
		StreamCompressor compressor = this.support.compression().forResponse(acceptEncoding, bytes.length);
		if (compressor == null) {
			return bytes;
		}
		try (compressor) {
			headers.set(HttpHeaders.CONTENT_ENCODING, compressor.encoding());
			headers.add(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
			return compressor.compress(bytes);
		}
	}

	private Mono<byte[]> encodeAll(Object value) {
		if (value instanceof DatastarStream) {
			return Mono.error(new IllegalArgumentException("Return a DatastarStream itself, not inside a Flux"));
		}
		return Mono.fromCallable(() -> encode(value));
	}

	private byte[] encode(Object value) {
		DatastarEventEncoder encoder = this.support.encoder();
		if (value instanceof DatastarEvent event) {
			return encoder.encode(event);
		}
		if (value instanceof DatastarResponse response) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			for (DatastarEvent event : response.events()) {
				out.writeBytes(encoder.encode(event));
			}
			return out.toByteArray();
		}
		throw new IllegalArgumentException("Not a Datastar value: " + value.getClass().getName());
	}

}
