package io.github.datastarspring.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.github.datastarspring.core.DatastarEventEncoder;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;

/**
 * What a refused Datastar request shows. Without a login, or with a CSRF token the session does
 * not know (it expired, so its token went with it), the page runs the session-end script as
 * with {@link DatastarAuthenticationEntryPoint}; a logged-in user without the rights sees the
 * {@code datastar.security.access-denied.*} patch. Other requests get Spring Security's default
 * (403).
 */
public class DatastarAccessDeniedHandler implements AccessDeniedHandler {

	private final DatastarSecurityAnswers answers;

	private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

	private final AccessDeniedHandler others = new AccessDeniedHandlerImpl();

	/** Answers with {@code encoder}, as {@code properties} say. */
	public DatastarAccessDeniedHandler(DatastarEventEncoder encoder, DatastarSecurityProperties properties) {
		this.answers = new DatastarSecurityAnswers(encoder, properties);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException, ServletException {
		if (!ServletAnswers.isDatastarRequest(request)) {
			// Spring Security may use this handler for every request (when it is its only default).
			this.others.handle(request, response, ex);
			return;
		}
		// A CSRF refusal of a Datastar request is a stale page (its session expired, or a login
		// elsewhere renewed the token), never a forgery: another site cannot send the
		// Datastar-Request header without a CORS preflight. Reloading brings a fresh token.
		boolean anonymous = !this.trust.isAuthenticated(SecurityContextHolder.getContext().getAuthentication());
		if (ex instanceof CsrfException || anonymous) {
			ServletAnswers.write(response, this.answers.loginRequired());
		}
		else {
			ServletAnswers.write(response, this.answers.accessDenied());
		}
	}

}
