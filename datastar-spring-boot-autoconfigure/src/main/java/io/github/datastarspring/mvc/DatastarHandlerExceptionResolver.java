package io.github.datastarspring.mvc;

import java.util.Map;

import io.github.datastarspring.core.DatastarHeaders;
import io.github.datastarspring.errors.DatastarError;
import io.github.datastarspring.errors.DatastarErrorAnswers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers what the application's {@code @ExceptionHandler}s left: every exception of a Datastar
 * request becomes the events of {@link DatastarErrorAnswers} (a 200, the only status whose body
 * the client applies), and a signals failure of any other caller becomes problem details.
 */
public class DatastarHandlerExceptionResolver implements HandlerExceptionResolver {

	private static final Log logger = LogFactory.getLog(DatastarHandlerExceptionResolver.class);

	private final DatastarErrorAnswers answers;

	private final JsonMapper jsonMapper;

	public DatastarHandlerExceptionResolver(DatastarErrorAnswers answers, JsonMapper jsonMapper) {
		this.answers = answers;
		this.jsonMapper = jsonMapper;
	}

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (response.isCommitted()) {
			return null;
		}
		try {
			if (this.answers.answersWithEvents(request.getHeader(DatastarHeaders.DATASTAR_REQUEST))) {
				DatastarError error = this.answers.describe(ex);
				byte[] body = this.answers.events(error, request.getMethod(), request.getRequestURI());
				response.resetBuffer();
				SseResponseHeaders.apply(request, response);
				response.setHeader(DatastarErrorAnswers.ERROR_STATUS_HEADER, String.valueOf(error.status()));
				response.getOutputStream().write(body);
				response.flushBuffer();
				return new ModelAndView();
			}
			Map<String, Object> problem = DatastarErrorAnswers.problem(ex, request.getRequestURI());
			if (problem == null) {
				return null;
			}
			response.resetBuffer();
			response.setStatus((Integer) problem.get("status"));
			// JSON is UTF-8 by definition: no charset parameter, as on WebFlux.
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			this.jsonMapper.writeValue(response.getOutputStream(), problem);
			return new ModelAndView();
		}
		catch (Exception failure) {
			logger.debug("Could not write the error answer; leaving it to Spring", failure);
			return null;
		}
	}

}
