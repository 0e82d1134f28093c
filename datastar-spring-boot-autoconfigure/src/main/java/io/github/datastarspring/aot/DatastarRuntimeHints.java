package io.github.datastarspring.aot;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * Reflection on container internals: aborting an MVC stream on Tomcat reads the response behind
 * Tomcat's {@code ResponseFacade} (its {@code response} field), which no public API exposes.
 */
class DatastarRuntimeHints implements RuntimeHintsRegistrar {

	static final String TOMCAT_RESPONSE_FACADE = "org.apache.catalina.connector.ResponseFacade";

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.reflection()
			.registerTypeIfPresent(classLoader, TOMCAT_RESPONSE_FACADE, (type) -> type.withField("response"));
	}

}
