package dev.datastar.spring.sample.dashboard.web;

import java.time.Duration;

import dev.datastar.spring.core.DatastarEventEncoder;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The stand-in SSE writer; goes away with the starter's WebFlux support. */
@Configuration(proxyBeanMethods = false)
class InterimSseConfiguration {

	@Bean
	InterimSseWriter interimSseWriter(DatastarEventEncoder encoder) {
		return new InterimSseWriter(encoder, Duration.ofSeconds(15));
	}

}
