package io.github.datastarspring.conformance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.datastarspring.core.DatastarEvent;
import io.github.datastarspring.core.ElementNamespace;
import io.github.datastarspring.core.ElementPatchMode;
import io.github.datastarspring.core.ExecuteScript;
import io.github.datastarspring.core.PatchElements;
import io.github.datastarspring.core.PatchSignals;
import tools.jackson.databind.JsonNode;

/** Turns the {@code {"events":[...]}} input of a conformance case into events, as PROTOCOL.md says. */
public final class ConformanceEvents {

	private ConformanceEvents() {
	}

	public static List<DatastarEvent> from(JsonNode input) {
		List<DatastarEvent> events = new ArrayList<>();
		JsonNode list = input.path("events");
		if (!list.isArray()) {
			throw new IllegalArgumentException("input has no 'events' array");
		}
		for (JsonNode e : list) {
			events.add(event(e));
		}
		return events;
	}

	private static DatastarEvent event(JsonNode e) {
		String type = e.path("type").asString("");
		String eventId = text(e, "eventId");
		Duration retry = e.hasNonNull("retryDuration") ? Duration.ofMillis(e.get("retryDuration").asLong()) : null;
		return switch (type) {
			case "patchElements" -> {
				PatchElements.Builder b = PatchElements.builder().elements(text(e, "elements"))
					.selector(text(e, "selector")).eventId(eventId).retry(retry)
					.useViewTransition(e.path("useViewTransition").asBoolean(false))
					.viewTransitionSelector(text(e, "viewTransitionSelector"));
				if (e.hasNonNull("mode")) {
					b.mode(ElementPatchMode.fromWireName(e.get("mode").asString()));
				}
				if (e.hasNonNull("namespace")) {
					b.namespace(ElementNamespace.fromWireName(e.get("namespace").asString()));
				}
				yield b.build();
			}
			case "patchSignals" -> PatchSignals.builder()
				.signals(e.has("signals-raw") ? e.get("signals-raw").asString() : e.get("signals"))
				.onlyIfMissing(e.path("onlyIfMissing").asBoolean(false)).eventId(eventId).retry(retry).build();
			case "executeScript" -> {
				ExecuteScript.Builder b = ExecuteScript.builder().script(text(e, "script"))
					.autoRemove(e.path("autoRemove").asBoolean(true)).eventId(eventId).retry(retry);
				JsonNode attributes = e.path("attributes");
				for (Map.Entry<String, JsonNode> a : attributes.properties()) {
					b.attribute(a.getKey(), a.getValue().asString());
				}
				yield b.build();
			}
			default -> throw new IllegalArgumentException("unknown event type '" + type + "'");
		};
	}

	private static String text(JsonNode e, String field) {
		return e.hasNonNull(field) ? e.get(field).asString() : null;
	}

}
