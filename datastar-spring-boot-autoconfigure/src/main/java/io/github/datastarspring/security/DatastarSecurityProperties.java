package io.github.datastarspring.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Security of Datastar applications ({@code datastar.security.*}).
 *
 * @param crossSite refusing state-changing requests sent by other sites
 * @param csrf the CSRF token as a signal (with Spring Security)
 * @param accessDenied what a Datastar request refused for lack of rights shows
 * @param sessionEndScript what every tab of a session runs when the session ends (logout,
 * expiry), and what a Datastar request without a login runs: a client-side expression; the
 * default reloads the page, so the application's own login flow takes over and brings the user
 * back to the page afterwards
 */
@ConfigurationProperties("datastar.security")
public record DatastarSecurityProperties(@DefaultValue CrossSite crossSite, @DefaultValue Csrf csrf,
		@DefaultValue AccessDenied accessDenied, @DefaultValue("location.reload()") String sessionEndScript) {

	/**
	 * Cross-site protection: a POST, PUT, PATCH or DELETE that a browser marks as coming from
	 * another site ({@code Sec-Fetch-Site}, else an {@code Origin} that is not this host) is
	 * refused with 403. Requests without either header (not from a browser) pass.
	 *
	 * @param enabled whether the protection is on (it is by default)
	 * @param trustedOrigins origins allowed anyway, for example 'https://admin.example.com'; unset means none
	 */
	public record CrossSite(@DefaultValue("true") boolean enabled, List<String> trustedOrigins) {

		public CrossSite {
			trustedOrigins = (trustedOrigins != null) ? List.copyOf(trustedOrigins) : List.of();
		}

	}

	/**
	 * The CSRF token in the signals: pages put it in a signal ({@code ds:csrf} in Thymeleaf) that
	 * the client sends with every action, and Spring Security's CSRF filter reads it there when
	 * the request has no CSRF header or parameter.
	 *
	 * @param signal name of the signal that carries the token
	 */
	public record Csrf(@DefaultValue("csrf") String signal) {

	}

	/**
	 * The patch a Datastar request refused for lack of rights gets (with HTTP 200, since the
	 * client shows nothing of an error answer).
	 *
	 * @param message the text shown (HTML-escaped)
	 * @param selector where the message goes
	 * @param mode how it is patched there ('append', 'inner', 'outer', ...)
	 */
	public record AccessDenied(@DefaultValue("You are not allowed to do that.") String message,
			@DefaultValue("body") String selector, @DefaultValue("append") String mode) {

	}

}
