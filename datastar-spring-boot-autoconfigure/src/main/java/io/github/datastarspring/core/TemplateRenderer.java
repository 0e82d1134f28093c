package io.github.datastarspring.core;

import java.util.Map;

/**
 * Renders a server-side template, or one fragment of it ({@code "todos :: list"} in Thymeleaf), to
 * HTML for a patch-elements event. Must work on any thread, not only a request thread, so that a
 * broadcast renders once on the publisher's thread for every subscriber.
 */
@FunctionalInterface
public interface TemplateRenderer {

	/** The HTML of {@code template} rendered with {@code model}, escaped as the engine escapes. */
	String render(String template, Map<String, ?> model);

	/** A patch-elements event (morph by id) of the rendered template. */
	default PatchElements patchElements(String template, Map<String, ?> model) {
		return PatchElements.of(render(template, model));
	}

}
