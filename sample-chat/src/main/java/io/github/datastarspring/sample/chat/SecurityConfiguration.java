package io.github.datastarspring.sample.chat;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Plain Spring Security: form login, logout, CSRF on. Nothing here is about Datastar: the
 * starter adds what Datastar requests need to every {@code HttpSecurity} (login and access-denied
 * answers the client acts on, the CSRF token read from the {@code csrf} signal).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	// tag::csp[]
	/**
	 * The Datastar client evaluates attribute expressions with {@code new Function}: it needs
	 * {@code 'unsafe-eval'}, and nothing else beyond where it is loaded from. No
	 * {@code 'unsafe-inline'}: the starter's login and session-end answers run through the
	 * client's expressions ({@code data-init}), not inline scripts.
	 */
	static final String CSP = "default-src 'self'; script-src 'self' 'unsafe-eval' https://cdn.jsdelivr.net; "
			+ "style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'; base-uri 'self'";
	// end::csp[]

	// tag::chain[]
	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) {
		http.authorizeHttpRequests((requests) -> requests
				.requestMatchers("/chat.css", "/*.js", "/error").permitAll()
				.requestMatchers("/rooms/*/announcements").hasRole("ADMIN")
				.anyRequest().authenticated())
			.formLogin(Customizer.withDefaults())
			.logout(Customizer.withDefaults())
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CSP)));
		return http.build();
	}
	// end::chain[]

	/** The demo accounts: user1, user2, user3 (password {@code datastar}); user1 is also an admin. */
	@Bean
	UserDetailsService users() {
		return new InMemoryUserDetailsManager(
				User.withUsername("user1").password("{noop}datastar").roles("USER", "ADMIN").build(),
				User.withUsername("user2").password("{noop}datastar").roles("USER").build(),
				User.withUsername("user3").password("{noop}datastar").roles("USER").build());
	}

}
