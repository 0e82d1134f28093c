package io.github.datastarspring.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers Spring Security's refusals of Datastar requests, just after its
 * {@code ExceptionTranslationFilter}: a missing login with {@link DatastarAuthenticationEntryPoint},
 * a refusal with {@link DatastarAccessDeniedHandler}. A filter rather than a default entry point,
 * because Spring Security makes the first default entry point the one for every request that
 * no other matches, and this one must never answer a request that is not Datastar's.
 */
final class DatastarSecurityExceptionFilter extends OncePerRequestFilter {

	private final DatastarAuthenticationEntryPoint entryPoint;

	private final DatastarAccessDeniedHandler accessDenied;

	DatastarSecurityExceptionFilter(DatastarAuthenticationEntryPoint entryPoint, DatastarAccessDeniedHandler accessDenied) {
		this.entryPoint = entryPoint;
		this.accessDenied = accessDenied;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!ServletAnswers.isDatastarRequest(request)) {
			chain.doFilter(request, response);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			if (response.isCommitted()) {
				throw ex;
			}
			AuthenticationException authentication = find(ex, AuthenticationException.class);
			if (authentication != null) {
				this.entryPoint.commence(request, response, authentication);
				return;
			}
			AccessDeniedException denied = find(ex, AccessDeniedException.class);
			if (denied != null) {
				this.accessDenied.handle(request, response, denied);
				return;
			}
			throw ex;
		}
	}

	private static <T extends Throwable> T find(Throwable ex, Class<T> type) {
		for (Throwable current = ex; current != null; current = current.getCause()) {
			if (type.isInstance(current)) {
				return type.cast(current);
			}
		}
		return null;
	}

}
