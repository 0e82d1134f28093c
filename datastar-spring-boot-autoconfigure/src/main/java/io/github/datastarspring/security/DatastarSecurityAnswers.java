package io.github.datastarspring.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.github.datastarspring.core.DatastarEvent;
import io.github.datastarspring.core.DatastarEventEncoder;
import io.github.datastarspring.core.DatastarEvents;
import io.github.datastarspring.core.DatastarHeaders;
import io.github.datastarspring.core.ElementPatchMode;

import org.springframework.web.util.HtmlUtils;

/**
 * The answers Spring Security's refusals get when the request comes from the Datastar client:
 * 200 with one event, because the client shows nothing of an error answer and would render a
 * redirect's login page into the current page.
 */
final class DatastarSecurityAnswers {

	private final byte[] loginRequired;

	private final byte[] accessDenied;

	DatastarSecurityAnswers(DatastarEventEncoder encoder, DatastarSecurityProperties properties) {
		// data-init runs through the client's expression engine: a CSP that lets the client run
		// ('unsafe-eval') lets this run too, where an inline <script> would need 'unsafe-inline'.
		String html = "<div id=\"datastar-login-required\" hidden data-init=\""
				+ HtmlUtils.htmlEscape(properties.sessionEndScript()) + "\"></div>";
		this.loginRequired = encoder.encode(DatastarEvents.patchElements(html, "body", ElementPatchMode.APPEND));
		DatastarSecurityProperties.AccessDenied denied = properties.accessDenied();
		DatastarEvent patch = DatastarEvents.patchElements(
				"<div class=\"datastar-access-denied\" role=\"alert\">" + HtmlUtils.htmlEscape(denied.message()) + "</div>",
				denied.selector(), ElementPatchMode.fromWireName(denied.mode()));
		this.accessDenied = encoder.encode(patch);
	}

	static boolean isDatastarRequest(HttpServletRequest request) {
		String header = request.getHeader(DatastarHeaders.DATASTAR_REQUEST);
		return header != null && "true".equalsIgnoreCase(header.trim());
	}

	void loginRequired(HttpServletResponse response) throws IOException {
		write(response, this.loginRequired);
	}

	void accessDenied(HttpServletResponse response) throws IOException {
		write(response, this.accessDenied);
	}

	byte[] loginRequired() {
		return this.loginRequired;
	}

	byte[] accessDenied() {
		return this.accessDenied;
	}

	private static void write(HttpServletResponse response, byte[] event) throws IOException {
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType(DatastarHeaders.TEXT_EVENT_STREAM + ";charset=" + StandardCharsets.UTF_8.name());
		response.setHeader("Cache-Control", "no-cache");
		response.setContentLength(event.length);
		response.getOutputStream().write(event);
		response.flushBuffer();
	}

}
