package io.github.datastarspring.benchmarks.compression;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.datastarspring.compression.DatastarCompressionAutoConfiguration;
import io.github.datastarspring.core.StreamCompression;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The starter's own {@link StreamCompression} bean, made by its auto-configuration from
 * {@code datastar.compression.*} properties, exactly as an application gets it.
 */
final class StarterCompression implements AutoCloseable {

	private final AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();

	final StreamCompression compression;

	StarterCompression(String... properties) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (String property : properties) {
			int equals = property.indexOf('=');
			map.put(property.substring(0, equals), property.substring(equals + 1));
		}
		this.context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("bench", map));
		this.context.register(DatastarCompressionAutoConfiguration.class);
		this.context.refresh();
		this.compression = this.context.getBean(StreamCompression.class);
	}

	@Override
	public void close() {
		this.context.close();
	}

}
