package dev.datastar.spring.webflux;

import java.util.function.Supplier;

import dev.datastar.spring.DatastarSseProperties;
import dev.datastar.spring.core.DatastarEventEncoder;
import dev.datastar.spring.core.TemplateRenderer;

/** What a {@link DatastarStream} needs from the application once it is written. */
record DatastarStreamSettings(DatastarEventEncoder encoder, DatastarSseProperties sse,
		Supplier<TemplateRenderer> templateRenderers, DatastarStreamLifecycle lifecycle) {

	DatastarStreamSettings(DatastarEventEncoder encoder, DatastarSseProperties sse,
			Supplier<TemplateRenderer> templateRenderers) {
		this(encoder, sse, templateRenderers, null);
	}

	TemplateRenderer templateRenderer() {
		TemplateRenderer renderer = this.templateRenderers.get();
		if (renderer == null) {
			throw new IllegalStateException(
					"patchTemplate needs a TemplateRenderer bean (add spring-boot-starter-thymeleaf)");
		}
		return renderer;
	}

}
