package io.github.datastarspring.webflux;

import java.util.Optional;

import io.github.datastarspring.DatastarSignals;
import io.github.datastarspring.core.DatastarSignalsReader;
import reactor.core.publisher.Mono;

import org.springframework.core.Conventions;
import org.springframework.core.MethodParameter;
import org.springframework.core.ReactiveAdapter;
import org.springframework.core.ReactiveAdapterRegistry;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.support.WebExchangeDataBinder;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;

/**
 * Resolves {@link DatastarSignals @DatastarSignals} parameters on WebFlux (also {@code Mono<T>} and
 * {@code Optional<T>}): joins the body without reading past the limit, or takes the raw query
 * string, and hands the bytes to the {@link DatastarSignalsReader}; validates with the handler's
 * binding context when the parameter is {@code @Valid} or {@code @Validated}.
 */
public class DatastarSignalsHandlerMethodArgumentResolver implements HandlerMethodArgumentResolver {

	private final DatastarSignalsReader reader;

	private final ReactiveAdapterRegistry adapters;

	public DatastarSignalsHandlerMethodArgumentResolver(DatastarSignalsReader reader, ReactiveAdapterRegistry adapters) {
		this.reader = reader;
		this.adapters = adapters;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.hasParameterAnnotation(DatastarSignals.class);
	}

	@Override
	public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext bindingContext,
			ServerWebExchange exchange) {
		DatastarSignals annotation = parameter.getParameterAnnotation(DatastarSignals.class);
		boolean required = annotation == null || annotation.required();
		ResolvableType type = ResolvableType.forMethodParameter(parameter);
		ReactiveAdapter adapter = this.adapters.getAdapter(type.resolve());
		boolean optional = Optional.class.equals(type.resolve());
		ResolvableType valueType = (adapter != null || optional) ? type.getGeneric(0) : type;
		boolean inQuery = DatastarSignalsReader.inQuery(exchange.getRequest().getMethod().name());
		Mono<Object> value = read(exchange.getRequest(), inQuery)
			.mapNotNull((bytes) -> this.reader.bind(bytes, valueType.getType()))
			.doOnNext((target) -> validate(target, parameter, valueType, bindingContext, exchange));
		if (optional) {
			return value.map(Optional::of).defaultIfEmpty(Optional.empty()).cast(Object.class);
		}
		if (required) {
			value = value.switchIfEmpty(Mono.error(() -> this.reader.missing(inQuery)));
		}
		return (adapter != null) ? Mono.just(adapter.fromPublisher(value)) : value;
	}

	private Mono<byte[]> read(ServerHttpRequest request, boolean inQuery) {
		if (inQuery) {
			return Mono.fromSupplier(() -> this.reader.fromQuery(request.getURI().getRawQuery()));
		}
		return Mono.defer(() -> {
			this.reader.checkBody(request.getHeaders().getFirst("Content-Type"), request.getHeaders().getContentLength());
			return DataBufferUtils.join(request.getBody(), (int) Math.min(Integer.MAX_VALUE, this.reader.maxBytes()))
				.map((buffer) -> {
					try {
						byte[] bytes = new byte[buffer.readableByteCount()];
						buffer.read(bytes);
						return bytes;
					}
					finally {
						DataBufferUtils.release(buffer);
					}
				})
				.onErrorMap(DataBufferLimitException.class, (ex) -> this.reader.tooLarge());
		});
	}

	private void validate(Object target, MethodParameter parameter, ResolvableType valueType,
			BindingContext bindingContext, ServerWebExchange exchange) {
		Object[] hints = DatastarSignalsReader.validationHints(parameter.getParameterAnnotations());
		if (hints == null) {
			return;
		}
		String name = Conventions.getVariableNameForParameter(parameter);
		WebExchangeDataBinder binder = bindingContext.createDataBinder(exchange, target, name, valueType);
		binder.validate(hints);
		BindingResult result = binder.getBindingResult();
		if (result.hasErrors()) {
			throw DatastarSignalsReader.invalid(result);
		}
	}

}
