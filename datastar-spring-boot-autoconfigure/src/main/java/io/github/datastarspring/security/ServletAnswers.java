package io.github.datastarspring.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.github.datastarspring.core.DatastarHeaders;

/** The servlet side of {@link DatastarSecurityAnswers}, apart so that WebFlux never loads servlet types. */
final class ServletAnswers {

	private ServletAnswers() {
	}

	static boolean isDatastarRequest(HttpServletRequest request) {
		return DatastarSecurityAnswers.isDatastarRequest(request.getHeader(DatastarHeaders.DATASTAR_REQUEST));
	}

	/** 200 with one event, because the client shows nothing of an error answer. */
	static void write(HttpServletResponse response, byte[] event) throws IOException {
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType(DatastarHeaders.TEXT_EVENT_STREAM + ";charset=" + StandardCharsets.UTF_8.name());
		response.setHeader("Cache-Control", "no-cache");
		response.setContentLength(event.length);
		response.getOutputStream().write(event);
		response.flushBuffer();
	}

}
