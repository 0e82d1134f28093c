package io.github.datastarspring.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, with 403, state-changing requests that a browser sends on behalf of another site
 * (see {@code datastar.security.cross-site.*}). Runs before everything else, Spring Security
 * included, and on every path, actuator endpoints included.
 */
public class CrossSiteRequestFilter extends OncePerRequestFilter {

	private final CrossSiteRequests rule;

	public CrossSiteRequestFilter(DatastarSecurityProperties.CrossSite properties) {
		this.rule = new CrossSiteRequests(properties.trustedOrigins());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (this.rule.refuse(request.getMethod(), request.getHeader("Sec-Fetch-Site"),
				request.getHeader(HttpHeaders.ORIGIN), request.getHeader(HttpHeaders.HOST))) {
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			response.setContentType("text/plain;charset=UTF-8");
			response.getWriter().write("Cross-site request refused");
			return;
		}
		chain.doFilter(request, response);
	}

}
