package io.github.datastarspring.security;

import io.github.datastarspring.core.DatastarEvent;
import io.github.datastarspring.core.DatastarEventEncoder;
import io.github.datastarspring.core.DatastarEvents;
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

	static boolean isDatastarRequest(String datastarRequestHeader) {
		return datastarRequestHeader != null && "true".equalsIgnoreCase(datastarRequestHeader.trim());
	}

	byte[] loginRequired() {
		return this.loginRequired;
	}

	byte[] accessDenied() {
		return this.accessDenied;
	}

}
