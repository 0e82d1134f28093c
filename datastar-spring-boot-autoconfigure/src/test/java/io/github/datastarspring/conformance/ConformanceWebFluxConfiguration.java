package io.github.datastarspring.conformance;

import java.util.List;

import io.github.datastarspring.DatastarSignals;
import io.github.datastarspring.core.DatastarEvent;
import io.github.datastarspring.core.DatastarSignalsException;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/** The SDK test server's {@code /test} endpoint on WebFlux (Netty). */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class ConformanceWebFluxConfiguration {

	/** A nested component of this configuration, so registered with it. */
	@Controller
	static class TestController {

		@RequestMapping(path = "/test", method = { RequestMethod.GET, RequestMethod.POST, RequestMethod.PUT,
				RequestMethod.PATCH, RequestMethod.DELETE })
		Flux<DatastarEvent> test(@DatastarSignals JsonNode input) {
			try {
				return Flux.fromIterable(ConformanceEvents.from(input));
			}
			catch (IllegalArgumentException ex) {
				throw new DatastarSignalsException(400, ex.getMessage(), null, List.of(), ex);
			}
		}

	}

}
