package io.github.datastarspring.security;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@SpringBootTest(classes = MvcSecurityServerTests.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet",
				"datastar.security.access-denied.message=Admins <only>" })
class MvcSecurityServerTests extends AbstractSecurityServerTests {

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@EnableWebSecurity
	@Import(Commands.class)
	static class App {

		@Bean
		SecurityFilterChain chain(HttpSecurity http) {
			return http.authorizeHttpRequests((requests) -> requests.requestMatchers("/admin").hasRole("ADMIN")
				.anyRequest()
				.authenticated()).httpBasic(Customizer.withDefaults()).build();
		}

		@Bean
		UserDetailsService users() {
			return new InMemoryUserDetailsManager(User.withUsername("user").password("{noop}secret").roles("USER").build());
		}

	}

	@RestController
	static class Commands {

		@GetMapping("/token")
		String token(CsrfToken token) {
			return token.getToken();
		}

		@PostMapping("/command")
		String command(@RequestBody String body) {
			commands.incrementAndGet();
			return "ran " + body;
		}

		@PostMapping("/admin")
		String admin() {
			return "admin";
		}

	}

}
