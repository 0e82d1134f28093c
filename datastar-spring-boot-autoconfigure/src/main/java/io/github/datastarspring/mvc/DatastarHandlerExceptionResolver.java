package io.github.datastarspring.mvc;

import io.github.datastarspring.core.DatastarHeaders;
import io.github.datastarspring.errors.DatastarError;
import io.github.datastarspring.errors.DatastarErrorAnswers;
import io.github.datastarspring.errors.DatastarErrorAnswers.Problem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

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

	public DatastarHandlerExceptionResolver(DatastarErrorAnswers answers) {
		this.answers = answers;
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
			Problem problem = this.answers.problem(ex, request.getRequestURI());
			if (problem == null) {
				return null;
			}
			response.resetBuffer();
			response.setStatus(problem.status());
			// JSON is UTF-8 by definition: no charset parameter, as on WebFlux.
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getOutputStream().write(problem.body());
			return new ModelAndView();
		}
		catch (Exception failure) {
			logger.debug("Could not write the error answer; leaving it to Spring", failure);
			return null;
		}
	}

}
