package io.github.datastarspring.core;

import java.util.LinkedHashMap;
import java.util.Map;

/** Static factories for every Datastar event, including the sugar the SDKs share. */
public final class DatastarEvents {

	private DatastarEvents() {
	}

	/** Morphs {@code html} into the page, matching top-level elements by id. */
	public static PatchElements patchElements(String html) {
		return PatchElements.of(html);
	}

	/** Applies {@code html} to the elements matching {@code selector} with {@code mode}. */
	public static PatchElements patchElements(String html, String selector, ElementPatchMode mode) {
		return PatchElements.builder().elements(html).selector(selector).mode(mode).build();
	}

	/** Removes the elements matching {@code selector}. */
	public static PatchElements removeElements(String selector) {
		if (selector == null || selector.isEmpty()) {
			throw new IllegalArgumentException("removeElements needs a selector");
		}
		return PatchElements.builder().selector(selector).mode(ElementPatchMode.REMOVE).build();
	}

	/** Patches signals: JSON text, a {@code JsonNode}, a {@code Map} or any object. */
	public static PatchSignals patchSignals(Object signals) {
		return PatchSignals.of(signals);
	}

	/** Sets the signals only where the page does not have them yet. */
	public static PatchSignals patchSignalsIfMissing(Object signals) {
		return PatchSignals.builder().signals(signals).onlyIfMissing(true).build();
	}

	/**
	 * Removes signals by dotted path: {@code removeSignals("user.name", "busy")} sends
	 * {@code {"user":{"name":null},"busy":null}}.
	 */
	public static PatchSignals removeSignals(String... paths) {
		if (paths.length == 0) {
			throw new IllegalArgumentException("removeSignals needs at least one path");
		}
		Map<String, Object> root = new LinkedHashMap<>();
		for (String path : paths) {
			addRemoval(root, path);
		}
		StringBuilder json = new StringBuilder();
		writeRemovals(root, json);
		return PatchSignals.of(json.toString());
	}

	/** Runs {@code script} in the page once; the script tag removes itself. */
	public static ExecuteScript executeScript(String script) {
		return ExecuteScript.of(script);
	}

	/** Sends the browser to {@code url}. */
	public static ExecuteScript redirect(String url) {
		return ExecuteScript.of("setTimeout(() => window.location.href = " + HtmlEscape.jsString(url) + ")");
	}

	/** Writes {@code message} to the browser console. */
	public static ExecuteScript consoleLog(String message) {
		return ExecuteScript.of("console.log(" + HtmlEscape.jsString(message) + ")");
	}

	/** Writes {@code message} to the browser console as an error. */
	public static ExecuteScript consoleError(String message) {
		return ExecuteScript.of("console.error(" + HtmlEscape.jsString(message) + ")");
	}

	@SuppressWarnings("unchecked")
	private static void addRemoval(Map<String, Object> root, String path) {
		if (path == null || path.isEmpty()) {
			throw new IllegalArgumentException("Signal path must not be empty");
		}
		String[] parts = path.split("\\.", -1);
		Map<String, Object> node = root;
		for (int i = 0; i < parts.length; i++) {
			String part = parts[i];
			if (part.isEmpty()) {
				throw new IllegalArgumentException("Signal path '" + path + "' has an empty segment");
			}
			if (i == parts.length - 1) {
				node.put(part, null);
				return;
			}
			if (node.containsKey(part) && node.get(part) == null) {
				return; // an ancestor is removed already
			}
			node = (Map<String, Object>) node.computeIfAbsent(part, k -> new LinkedHashMap<String, Object>());
		}
	}

	@SuppressWarnings("unchecked")
	private static void writeRemovals(Map<String, Object> node, StringBuilder json) {
		json.append('{');
		boolean first = true;
		for (Map.Entry<String, Object> e : node.entrySet()) {
			if (!first) {
				json.append(',');
			}
			first = false;
			json.append(HtmlEscape.jsString(e.getKey())).append(':');
			if (e.getValue() == null) {
				json.append("null");
			}
			else {
				writeRemovals((Map<String, Object>) e.getValue(), json);
			}
		}
		json.append('}');
	}

}
