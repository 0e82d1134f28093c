package io.github.datastarspring.core;

import java.util.Map;

/**
 * Sends Datastar events to one page. The sugar is written once here for both stream types, MVC's
 * {@code DatastarEmitter} and WebFlux's {@code DatastarStream}.
 *
 * <p>Every method returns {@code false} when the event was not queued: the stream is closed or
 * its send queue is full (the client is not reading).
 */
public interface DatastarEventSender {

	/** Queues {@code event}; any thread may call it. */
	boolean send(DatastarEvent event);

	/**
	 * Renders {@code template} (e.g. {@code "todos :: list"}) with the application's
	 * {@link TemplateRenderer} and morphs the HTML into the page.
	 * @throws IllegalStateException when the application has no {@code TemplateRenderer}
	 */
	boolean patchTemplate(String template, Map<String, ?> model);

	/** Morphs {@code html} into the page, matching top-level elements by id. */
	default boolean patchElements(String html) {
		return send(DatastarEvents.patchElements(html));
	}

	/** Sends a patch-elements event built with {@link PatchElements#builder()}. */
	default boolean patchElements(PatchElements event) {
		return send(event);
	}

	/** Merges signals (JSON text, a {@code JsonNode}, a {@code Map} or any object) into the page's signals. */
	default boolean patchSignals(Object signals) {
		return send(DatastarEvents.patchSignals(signals));
	}

	/** Removes the elements matching {@code selector}. */
	default boolean removeElements(String selector) {
		return send(DatastarEvents.removeElements(selector));
	}

	/** Removes signals by dotted path, e.g. {@code removeSignals("user.name")}. */
	default boolean removeSignals(String... paths) {
		return send(DatastarEvents.removeSignals(paths));
	}

	/** Runs {@code script} in the page once. */
	default boolean executeScript(String script) {
		return send(DatastarEvents.executeScript(script));
	}

	/** Sends the browser to {@code url}. */
	default boolean redirect(String url) {
		return send(DatastarEvents.redirect(url));
	}

}
