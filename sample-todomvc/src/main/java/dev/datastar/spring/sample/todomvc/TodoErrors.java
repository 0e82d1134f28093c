package dev.datastar.spring.sample.todomvc;

import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

/**
 * Turns refusals into answers that say what was wrong (RFC 9457 problem details). The page shows
 * its own message for each status: the Datastar client does not read the body of an error.
 */
@RestControllerAdvice
class TodoErrors {

	@ExceptionHandler
	ProblemDetail notFound(TodoNotFoundException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail invalidSignals(MethodArgumentNotValidException ex) {
		return badRequest(ex.getBindingResult().getFieldErrors().stream()
			.map((error) -> error.getField() + ": " + error.getDefaultMessage()));
	}

	@ExceptionHandler
	ProblemDetail invalidParameter(HandlerMethodValidationException ex) {
		return badRequest(ex.getParameterValidationResults().stream()
			.flatMap(TodoErrors::messages));
	}

	private static Stream<String> messages(ParameterValidationResult result) {
		return result.getResolvableErrors().stream().map((error) -> {
			String name = (error instanceof FieldError field) ? field.getField()
					: result.getMethodParameter().getParameterName();
			return name + ": " + error.getDefaultMessage();
		});
	}

	private static ProblemDetail badRequest(Stream<String> messages) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, messages.collect(Collectors.joining("; ")));
	}

}
