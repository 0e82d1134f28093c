package io.github.datastarspring.docs.webflux;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** The configuration the {@code @WebFluxTest} slices of this package find. */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
class WebFluxDocsApplication {

}
