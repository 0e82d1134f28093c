package io.github.datastarspring.webflux;

import java.util.ArrayList;
import java.util.List;

import io.github.datastarspring.core.DatastarEvent;
import io.github.datastarspring.core.DatastarResponse;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.ReactiveAdapter;
import org.springframework.core.ReactiveAdapterRegistry;
import org.springframework.core.ResolvableType;
import org.springframework.core.codec.Hints;
import org.springframework.web.reactive.HandlerResult;
import org.springframework.web.reactive.HandlerResultHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes the Datastar values a controller method returns, with or without {@code @ResponseBody}:
 * {@code DatastarEvent}, {@code DatastarResponse}, {@code DatastarStream}, {@code List<DatastarEvent>},
 * and any reactive type of them ({@code Flux<DatastarEvent>}, {@code Mono<DatastarResponse>}, ...). Always an SSE response,
 * whatever the {@code Accept} header, since that is what the Datastar client reads.
 */
final class DatastarHandlerResultHandler implements HandlerResultHandler, Ordered {

	private final DatastarEventHttpMessageWriter writer;

	private final ReactiveAdapterRegistry adapters;

	DatastarHandlerResultHandler(DatastarEventHttpMessageWriter writer, ReactiveAdapterRegistry adapters) {
		this.writer = writer;
		this.adapters = adapters;
	}

	/** Before {@code ResponseEntityResultHandler} (0) and {@code ResponseBodyResultHandler} (100). */
	@Override
	public int getOrder() {
		return -10;
	}

	@Override
	public boolean supports(HandlerResult result) {
		if (DatastarStreamArgumentResolver.isStreamParameterResult(result)) {
			return true;
		}
		if (result.getReturnValue() != null
				&& DatastarEventHttpMessageWriter.isDatastarType(result.getReturnValue().getClass())) {
			return true;
		}
		ResolvableType type = result.getReturnType();
		Class<?> raw = type.toClass();
		if (DatastarEventHttpMessageWriter.isDatastarType(raw)) {
			return true;
		}
		if (Iterable.class.isAssignableFrom(raw)) {
			return DatastarEvent.class.isAssignableFrom(type.as(Iterable.class).getGeneric(0).toClass());
		}
		ReactiveAdapter adapter = this.adapters.getAdapter(raw);
		return adapter != null && !adapter.isNoValue()
				&& DatastarEventHttpMessageWriter.isDatastarType(type.getGeneric(0).toClass());
	}

	@Override
	public Mono<Void> handleResult(ServerWebExchange exchange, HandlerResult result) {
		Object value = result.getReturnValue();
		if (DatastarStreamArgumentResolver.isStreamParameterResult(result)) {
			DatastarStream stream = exchange.getAttribute(DatastarStreamArgumentResolver.ATTRIBUTE);
			Mono<Void> done = (value instanceof Mono<?> mono) ? mono.then() : Mono.empty();
			return (stream != null) ? done.then(Mono.defer(() -> write(Mono.just(stream), exchange))) : done;
		}
		if (value instanceof Iterable<?> events) {
			List<DatastarEvent> list = new ArrayList<>();
			events.forEach((event) -> list.add((DatastarEvent) event));
			return write(Mono.just(DatastarResponse.of(list)), exchange);
		}
		ReactiveAdapter adapter = (value != null) ? this.adapters.getAdapter(null, value) : null;
		Publisher<?> publisher = (adapter != null) ? adapter.toPublisher(value) : Mono.justOrEmpty(value);
		return write(publisher, exchange);
	}

	private Mono<Void> write(Publisher<?> publisher, ServerWebExchange exchange) {
		ResolvableType type = ResolvableType.forClass(Object.class);
		return this.writer.write(publisher, type, type, DatastarSseHeaders.TEXT_EVENT_STREAM, exchange.getRequest(),
				exchange.getResponse(), Hints.from(Hints.LOG_PREFIX_HINT, exchange.getLogPrefix()));
	}

}
