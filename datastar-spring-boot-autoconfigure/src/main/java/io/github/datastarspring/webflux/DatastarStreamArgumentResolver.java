package io.github.datastarspring.webflux;

import io.github.datastarspring.core.internal.StreamParameters;
import reactor.core.publisher.Mono;

import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.HandlerResult;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;

/**
 * Resolves a {@link DatastarStream} parameter of a method returning {@code void} or
 * {@code Mono<Void>} to a new stream, opened when the method returns (or its {@code Mono}
 * completes), as on MVC.
 *
 * <pre>{@code
 * @GetMapping("/feed")
 * void feed(DatastarStream stream) { feed.subscribe(stream); }
 * }</pre>
 */
final class DatastarStreamArgumentResolver implements HandlerMethodArgumentResolver {

	/** Exchange attribute holding the stream until the method returns. */
	static final String ATTRIBUTE = DatastarStreamArgumentResolver.class.getName() + ".stream";

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == DatastarStream.class;
	}

	@Override
	public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext bindingContext,
			ServerWebExchange exchange) {
		if (parameter.getMethod() == null || !returnsNothing(ResolvableType.forMethodReturnType(parameter.getMethod()))) {
			return Mono.error(StreamParameters.needsNoReturnValue(parameter, "void or Mono<Void>"));
		}
		DatastarStream stream = new DatastarStream();
		exchange.getAttributes().put(ATTRIBUTE, stream);
		return Mono.just(stream);
	}

	/** Whether {@code result} comes from a method that took its stream as a parameter. */
	static boolean isStreamParameterResult(HandlerResult result) {
		return returnsNothing(result.getReturnType())
				&& StreamParameters.takesStream(result.getReturnTypeSource().getMethod(), DatastarStream.class);
	}

	private static boolean returnsNothing(ResolvableType type) {
		Class<?> raw = type.toClass();
		return raw == void.class || raw == Void.class
				|| (Mono.class.isAssignableFrom(raw) && type.getGeneric(0).toClass() == Void.class);
	}

}
