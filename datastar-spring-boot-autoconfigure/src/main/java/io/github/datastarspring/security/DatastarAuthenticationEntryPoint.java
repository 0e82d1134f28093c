package io.github.datastarspring.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.github.datastarspring.core.DatastarEventEncoder;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Where a Datastar request without a login (never logged in, or its session expired) goes: the
 * page runs {@code datastar.security.session-end-script}, by default a reload, so the browser
 * itself requests the page again and the application's login flow (login page, then back to
 * the page) takes over. Never the login page's HTML as the answer to a fetch.
 */
public class DatastarAuthenticationEntryPoint implements AuthenticationEntryPoint {

	private final DatastarSecurityAnswers answers;

	/** Answers with {@code encoder}, as {@code properties} say. */
	public DatastarAuthenticationEntryPoint(DatastarEventEncoder encoder, DatastarSecurityProperties properties) {
		this.answers = new DatastarSecurityAnswers(encoder, properties);
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		ServletAnswers.write(response, this.answers.loginRequired());
	}

}
