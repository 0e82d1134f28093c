package io.github.datastarspring.mvc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.datastarspring.DatastarSignals;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers signal errors with an {@code application/problem+json} body that says what is wrong:
 * {@link DatastarSignalsException} (400, 413) and validation failures of
 * {@link DatastarSignals @DatastarSignals} parameters (400, with one entry per field error). Runs
 * after the application's {@code @ExceptionHandler}s, which can still handle these exceptions
 * their own way, and before Spring's default resolver, which would send a bare status whose
 * message Spring Boot's error page hides.
 */
public class DatastarSignalsHandlerExceptionResolver implements HandlerExceptionResolver, Ordered {

	private final JsonMapper jsonMapper;

	public DatastarSignalsHandlerExceptionResolver(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 1;
	}

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		Map<String, Object> body;
		if (ex instanceof DatastarSignalsException signalsException) {
			body = problem(signalsException.getBody(), request);
		}
		else if (ex instanceof MethodArgumentNotValidException invalid
				&& invalid.getParameter().hasParameterAnnotation(DatastarSignals.class)) {
			body = validationProblem(invalid, request);
		}
		else {
			return null;
		}
		if (response.isCommitted()) {
			return null;
		}
		try {
			response.resetBuffer();
			response.setStatus((Integer) body.get("status"));
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			this.jsonMapper.writeValue(response.getOutputStream(), body);
			return new ModelAndView();
		}
		catch (Exception writeFailure) {
			return null;
		}
	}

	private static Map<String, Object> problem(ProblemDetail detail, HttpServletRequest request) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", (detail.getType() != null) ? detail.getType().toString() : "about:blank");
		body.put("title", detail.getTitle());
		body.put("status", detail.getStatus());
		body.put("detail", detail.getDetail());
		body.put("instance", request.getRequestURI());
		if (detail.getProperties() != null) {
			body.putAll(detail.getProperties());
		}
		return body;
	}

	private static Map<String, Object> validationProblem(MethodArgumentNotValidException ex,
			HttpServletRequest request) {
		List<Map<String, Object>> errors = new ArrayList<>();
		List<String> messages = new ArrayList<>();
		for (ObjectError error : ex.getBindingResult().getAllErrors()) {
			Map<String, Object> entry = new LinkedHashMap<>();
			String message = error.getDefaultMessage();
			if (error instanceof FieldError field) {
				entry.put("signal", field.getField());
				messages.add("'" + field.getField() + "' " + message);
			}
			else {
				messages.add(message);
			}
			entry.put("message", message);
			errors.add(entry);
		}
		ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"Invalid Datastar signals: " + String.join("; ", messages));
		Map<String, Object> body = problem(detail, request);
		body.put("errors", errors);
		return body;
	}

}
