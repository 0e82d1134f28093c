package io.github.datastarspring.sample.todomvc;

import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

/**
 * Says what was wrong (RFC 9457 problem details) when a todo is unknown (404), a list name
 * invalid (400) or the store full (409); the starter answers invalid signals that way already. The page shows its own
 * message per status, as the Datastar client does not read the body of an error.
 */
@RestControllerAdvice
class TodoErrors {

	@ExceptionHandler
	ProblemDetail notFound(TodoNotFoundException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail full(TodoLimitException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail invalidParameter(HandlerMethodValidationException ex) {
		String detail = ex.getParameterValidationResults().stream()
			.flatMap((result) -> result.getResolvableErrors().stream()
				.map((error) -> result.getMethodParameter().getParameterName() + ": " + error.getDefaultMessage()))
			.collect(Collectors.joining("; "));
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
	}

}
