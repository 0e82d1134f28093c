package io.github.datastarspring.webflux;

import io.github.datastarspring.core.DatastarHeaders;
import io.github.datastarspring.errors.DatastarError;
import io.github.datastarspring.errors.DatastarErrorAnswers;
import io.github.datastarspring.errors.DatastarErrorAnswers.Problem;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * Answers what the application's {@code @ExceptionHandler}s left, before Boot's error handler:
 * every exception of a Datastar request becomes the events of {@link DatastarErrorAnswers} (a 200,
 * the only status whose body the client applies), and a signals failure of any other caller
 * becomes problem details.
 */
public class DatastarWebExceptionHandler implements WebExceptionHandler, Ordered {

	private final DatastarErrorAnswers answers;

	public DatastarWebExceptionHandler(DatastarErrorAnswers answers) {
		this.answers = answers;
	}

	/** Before Boot's {@code ErrorWebExceptionHandler} (-1). */
	@Override
	public int getOrder() {
		return -2;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		ServerHttpRequest request = exchange.getRequest();
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.error(ex);
		}
		String path = request.getPath().value();
		if (this.answers.answersWithEvents(request.getHeaders().getFirst(DatastarHeaders.DATASTAR_REQUEST))) {
			DatastarError error = this.answers.describe(ex);
			byte[] body = this.answers.events(error, request.getMethod().name(), path);
			response.setStatusCode(HttpStatus.OK);
			DatastarSseHeaders.apply(response.getHeaders(), request);
			response.getHeaders().set(DatastarErrorAnswers.ERROR_STATUS_HEADER, String.valueOf(error.status()));
			return write(response, body);
		}
		Problem problem = this.answers.problem(ex, path);
		if (problem == null) {
			return Mono.error(ex);
		}
		response.setStatusCode(HttpStatus.valueOf(problem.status()));
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return write(response, problem.body());
	}

	private static Mono<Void> write(ServerHttpResponse response, byte[] body) {
		response.getHeaders().setContentLength(body.length);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

}
