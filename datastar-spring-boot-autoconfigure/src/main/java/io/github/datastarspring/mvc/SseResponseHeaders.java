package io.github.datastarspring.mvc;

import io.github.datastarspring.core.DatastarHeaders;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.ShallowEtagHeaderFilter;

/** The response headers of every Datastar SSE answer, streamed or one-shot. */
final class SseResponseHeaders {

	private SseResponseHeaders() {
	}

	static void apply(HttpServletRequest request, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType(DatastarHeaders.TEXT_EVENT_STREAM);
		response.setHeader("Cache-Control", "no-cache");
		// Connection headers are forbidden in HTTP/2 (RFC 9113, 8.2.2).
		if ("HTTP/1.1".equals(request.getProtocol())) {
			response.setHeader("Connection", "keep-alive");
		}
		response.setHeader(DatastarHeaders.X_ACCEL_BUFFERING, "no");
		// A buffering filter would hold the stream back.
		ShallowEtagHeaderFilter.disableContentCaching(request);
	}

}
