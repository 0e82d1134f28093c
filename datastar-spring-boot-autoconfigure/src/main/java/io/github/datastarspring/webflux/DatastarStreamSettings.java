package io.github.datastarspring.webflux;

import java.util.function.Supplier;

import io.github.datastarspring.DatastarSseProperties;
import io.github.datastarspring.core.DatastarEventEncoder;
import io.github.datastarspring.core.TemplateRenderer;

/** What a {@link DatastarStream} needs from the application once it is written. */
record DatastarStreamSettings(DatastarEventEncoder encoder, DatastarSseProperties sse,
		Supplier<TemplateRenderer> templateRenderers, DatastarStreamLifecycle lifecycle) {

	DatastarStreamSettings {
		DatastarStream.configuredSendQueueSize = Math.max(1, sse.sendQueueSize());
	}

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
