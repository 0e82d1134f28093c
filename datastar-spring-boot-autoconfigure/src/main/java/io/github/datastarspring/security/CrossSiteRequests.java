package io.github.datastarspring.security;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tells a cross-site request from the headers browsers add to every request they send: the one
 * rule shared by the servlet filter and the reactive web filter.
 */
final class CrossSiteRequests {

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private final Set<String> trustedOrigins;

	CrossSiteRequests(List<String> trustedOrigins) {
		this.trustedOrigins = Set.copyOf(trustedOrigins.stream().map(CrossSiteRequests::normalize).toList());
	}

	/**
	 * Whether a request must be refused: an unsafe method, and either {@code Sec-Fetch-Site} says
	 * it comes from another site (or a sibling subdomain), or, from a browser without it,
	 * {@code Origin} names another host than {@code Host}; unless the origin is trusted.
	 */
	boolean refuse(String method, String secFetchSite, String origin, String host) {
		if (SAFE_METHODS.contains(method.toUpperCase(Locale.ROOT))) {
			return false;
		}
		if (origin != null && this.trustedOrigins.contains(normalize(origin))) {
			return false;
		}
		if (secFetchSite != null) {
			// "none" is a user typing the URL or a bookmark; same-site is a sibling subdomain,
			// which is not this origin either.
			return !"same-origin".equalsIgnoreCase(secFetchSite) && !"none".equalsIgnoreCase(secFetchSite);
		}
		if (origin == null) {
			// Not a browser, or a browser that sends neither header on same-origin requests.
			return false;
		}
		if ("null".equals(origin)) {
			return true;
		}
		try {
			URI uri = URI.create(origin);
			String authority = uri.getRawAuthority();
			return authority == null || host == null || !authority.equalsIgnoreCase(host);
		}
		catch (IllegalArgumentException ex) {
			return true;
		}
	}

	private static String normalize(String origin) {
		String trimmed = origin.trim().toLowerCase(Locale.ROOT);
		return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
	}

}
