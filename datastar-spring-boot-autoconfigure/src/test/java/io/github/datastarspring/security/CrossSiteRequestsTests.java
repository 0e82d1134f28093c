package io.github.datastarspring.security;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CrossSiteRequestsTests {

	private final CrossSiteRequests rule = new CrossSiteRequests(List.of("https://admin.example.com/"));

	@Test
	void aPostThatTheBrowserMarksCrossSiteIsRefused() {
		assertThat(this.rule.refuse("POST", "cross-site", "https://evil.example", "app.example")).isTrue();
	}

	@Test
	void aSiblingSubdomainIsNotThisOriginEither() {
		assertThat(this.rule.refuse("POST", "same-site", "https://other.app.example", "app.example")).isTrue();
	}

	@Test
	void sameOriginAndUserTypedRequestsPass() {
		assertThat(this.rule.refuse("POST", "same-origin", "https://app.example", "app.example")).isFalse();
		assertThat(this.rule.refuse("POST", "none", null, "app.example")).isFalse();
	}

	@Test
	void safeMethodsAlwaysPass() {
		assertThat(this.rule.refuse("GET", "cross-site", "https://evil.example", "app.example")).isFalse();
		assertThat(this.rule.refuse("HEAD", "cross-site", null, "app.example")).isFalse();
	}

	@Test
	void withoutSecFetchSiteTheOriginMustBeThisHost() {
		assertThat(this.rule.refuse("DELETE", null, "https://evil.example", "app.example")).isTrue();
		assertThat(this.rule.refuse("PUT", null, "http://localhost:8080", "localhost:8080")).isFalse();
		assertThat(this.rule.refuse("PUT", null, "http://localhost:9090", "localhost:8080")).isTrue();
		assertThat(this.rule.refuse("POST", null, "null", "app.example")).isTrue();
	}

	@Test
	void requestsWithNeitherHeaderAreNotFromABrowserAndPass() {
		assertThat(this.rule.refuse("POST", null, null, "app.example")).isFalse();
	}

	@Test
	void trustedOriginsPass() {
		assertThat(this.rule.refuse("POST", "same-site", "https://ADMIN.example.com", "app.example")).isFalse();
	}

}
