package io.github.datastarspring.webflux;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers a {@link DatastarSignalsException} with its status and an RFC 9457 problem body that
 * carries the message, which Boot's default error handling would hide. Runs before Boot's error
 * handler; the application's own {@code @ExceptionHandler} methods still come first.
 */
public class DatastarSignalsWebExceptionHandler implements WebExceptionHandler, Ordered {

	private final JsonMapper jsonMapper;

	public DatastarSignalsWebExceptionHandler(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	/** Before Boot's {@code ErrorWebExceptionHandler} (-1). */
	@Override
	public int getOrder() {
		return -2;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		ServerHttpResponse response = exchange.getResponse();
		if (!(ex instanceof DatastarSignalsException signals) || response.isCommitted()) {
			return Mono.error(ex);
		}
		ProblemDetail problem = signals.getBody();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", (problem.getType() != null) ? problem.getType().toString() : "about:blank");
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		body.put("instance", exchange.getRequest().getPath().value());
		if (problem.getProperties() != null) {
			body.putAll(problem.getProperties());
		}
		byte[] bytes = this.jsonMapper.writeValueAsBytes(body);
		response.setStatusCode(signals.getStatusCode());
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		response.getHeaders().setContentLength(bytes.length);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
	}

}
