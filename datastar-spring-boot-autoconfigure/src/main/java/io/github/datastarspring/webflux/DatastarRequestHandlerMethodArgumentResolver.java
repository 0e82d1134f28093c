package io.github.datastarspring.webflux;

import io.github.datastarspring.core.DatastarHeaders;
import io.github.datastarspring.core.DatastarRequest;
import reactor.core.publisher.Mono;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;

/**
 * Resolves {@link DatastarRequest} parameters: whether the request came from the Datastar client
 * and the {@code Last-Event-ID} of a reconnecting stream.
 */
public class DatastarRequestHandlerMethodArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return DatastarRequest.class.equals(parameter.getParameterType());
	}

	@Override
	public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext bindingContext,
			ServerWebExchange exchange) {
		return Mono.just(from(exchange));
	}

	/** The Datastar request headers of {@code exchange}, for handler functions and filters. */
	public static DatastarRequest from(ServerWebExchange exchange) {
		HttpHeaders headers = exchange.getRequest().getHeaders();
		return DatastarRequest.of(headers.getFirst(DatastarHeaders.DATASTAR_REQUEST),
				headers.getFirst(DatastarHeaders.LAST_EVENT_ID));
	}

}
