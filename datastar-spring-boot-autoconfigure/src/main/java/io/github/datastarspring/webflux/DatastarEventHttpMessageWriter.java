package io.github.datastarspring.webflux;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.github.datastarspring.DatastarSseProperties;
import io.github.datastarspring.core.DatastarEvent;
import io.github.datastarspring.core.DatastarEventEncoder;
import io.github.datastarspring.core.DatastarResponse;
import io.github.datastarspring.core.TemplateRenderer;
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
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;

/**
 * Writes {@link DatastarEvent}s, {@link DatastarResponse}s and {@link DatastarStream}s as a
 * Datastar SSE response: the bytes of {@link DatastarEventEncoder}, one flush per event, the same
 * headers as the MVC stack.
 */
public class DatastarEventHttpMessageWriter implements HttpMessageWriter<Object> {

	private final DatastarStreamSettings settings;

	/**
	 * A writer encoding with {@code encoder}, giving streams the {@code sse} settings and the
	 * template renderer {@code templateRenderers} supplies (may supply {@code null}).
	 */
	public DatastarEventHttpMessageWriter(DatastarEventEncoder encoder, DatastarSseProperties sse,
			Supplier<TemplateRenderer> templateRenderers) {
		this(new DatastarStreamSettings(encoder, sse, templateRenderers));
	}

	/** The same, with streams tracked by {@code lifecycle} so that they end on shutdown. */
	public DatastarEventHttpMessageWriter(DatastarEventEncoder encoder, DatastarSseProperties sse,
			Supplier<TemplateRenderer> templateRenderers, DatastarStreamLifecycle lifecycle) {
		this(new DatastarStreamSettings(encoder, sse, templateRenderers, lifecycle));
	}

	DatastarEventHttpMessageWriter(DatastarStreamSettings settings) {
		this.settings = settings;
	}

	/** Whether values of {@code type} are written by this writer. */
	public static boolean isDatastarType(Class<?> type) {
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
		return message.writeAndFlushWith(frames(input, message.bufferFactory(), null));
	}

	@Override
	public Mono<Void> write(Publisher<?> input, ResolvableType actualType, ResolvableType elementType,
			@Nullable MediaType mediaType, ServerHttpRequest request, ServerHttpResponse response,
			Map<String, Object> hints) {
		DatastarSseHeaders.apply(response.getHeaders(), request);
		return response.writeAndFlushWith(frames(input, response.bufferFactory(), ConnectionAborter.of(response)));
	}

	private Flux<Publisher<DataBuffer>> frames(Publisher<?> input, DataBufferFactory buffers,
			@Nullable Runnable connectionAborter) {
		Flux<byte[]> events = Flux.from(input).concatMap(element -> encode(element, connectionAborter), 0);
		if (!(input instanceof Mono)) {
			events = EarlyHeaders.flushSoon(events);
		}
		return events.map(bytes -> Mono.just(buffers.wrap(bytes)));
	}

	private Publisher<byte[]> encode(Object element, @Nullable Runnable connectionAborter) {
		if (element instanceof DatastarEvent event) {
			return Mono.fromCallable(() -> this.settings.encoder().encode(event));
		}
		if (element instanceof DatastarResponse response) {
			return Flux.fromIterable(response.events()).map(this.settings.encoder()::encode);
		}
		if (element instanceof DatastarStream stream) {
			// A live stream cannot fail before it starts: open it at once.
			return Flux.concat(Mono.just(EarlyHeaders.EMPTY), stream.frames(this.settings, connectionAborter));
		}
		return Mono.error(new IllegalArgumentException("Not a Datastar value: " + element.getClass().getName()));
	}

}
