package io.github.datastarspring;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where pages load the Datastar browser client from. The starter never ships a copy of it.
 *
 * @param url URL of the Datastar client module; defaults to the v1.0.2 bundle on jsDelivr
 * @param integrity Subresource Integrity hash of the client; defaults to the hash of the v1.0.2
 * bundle when the URL is the default, and is left out when the URL is overridden without one
 */
@ConfigurationProperties("datastar.client")
public record DatastarClientProperties(@DefaultValue(DEFAULT_URL) String url, String integrity) {

	/** The Datastar v1.0.2 client bundle. */
	public static final String DEFAULT_URL = "https://cdn.jsdelivr.net/gh/starfederation/datastar@v1.0.2/bundles/datastar.js";

	/** SRI hash of {@link #DEFAULT_URL} (upstream v1.0.2, commit e24f04d4). */
	public static final String DEFAULT_INTEGRITY = "sha384-SnyFlWTdFL3c8+9/1WsPuMFBq6AQOGC1LmS9upY4YkM3En3wZr5q2UvydHaMgOVG";

	/** The integrity hash to emit, or {@code null} for none. */
	public String effectiveIntegrity() {
		if (this.integrity != null && !this.integrity.isBlank()) {
			return this.integrity;
		}
		return DEFAULT_URL.equals(this.url) ? DEFAULT_INTEGRITY : null;
	}

}
