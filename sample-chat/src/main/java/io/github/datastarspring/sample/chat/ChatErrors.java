package io.github.datastarspring.sample.chat;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.github.datastarspring.core.DatastarEventEncoder;
import io.github.datastarspring.core.DatastarEvents;
import io.github.datastarspring.core.DatastarHeaders;
import io.github.datastarspring.core.ElementPatchMode;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.util.HtmlUtils;

/**
 * Errors as toasts. The Datastar client shows nothing of an error answer, so a Datastar request
 * that fails gets 200 with a patch appending a toast to {@code #toasts}; anything else gets the
 * usual error handling. (Written by hand here; the starter is growing a general way to do this.)
 */
@ControllerAdvice
class ChatErrors {

	private static final Log logger = LogFactory.getLog(ChatErrors.class);

	private final DatastarEventEncoder encoder;

	ChatErrors(DatastarEventEncoder encoder) {
		this.encoder = encoder;
	}

	@ExceptionHandler(ChatException.class)
	void refused(ChatException ex, HttpServletRequest request, HttpServletResponse response) throws Exception {
		toast(request, response, ex, ex.getMessage());
	}

	@ExceptionHandler(RuntimeException.class)
	void failed(RuntimeException ex, HttpServletRequest request, HttpServletResponse response) throws Exception {
		logger.error("Chat request failed", ex);
		toast(request, response, ex, "Something went wrong on our side. Please try again.");
	}

	private void toast(HttpServletRequest request, HttpServletResponse response, RuntimeException ex, String message)
			throws Exception {
		if (!"true".equals(request.getHeader(DatastarHeaders.DATASTAR_REQUEST))) {
			throw ex;
		}
		String html = "<div class=\"toast\" role=\"alert\">" + HtmlUtils.htmlEscape(message) + "</div>";
		byte[] event = this.encoder.encode(DatastarEvents.patchElements(html, "#toasts", ElementPatchMode.APPEND));
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType(DatastarHeaders.TEXT_EVENT_STREAM + ";charset=" + StandardCharsets.UTF_8.name());
		response.getOutputStream().write(event);
		response.flushBuffer();
	}

}
