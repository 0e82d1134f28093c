package io.github.datastarspring.core;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes Datastar events as the exact SSE wire text of the protocol, UTF-8 encoded. The one place
 * the wire rules live; every stack (MVC, WebFlux, the real-time hub) encodes through it.
 *
 * <ul>
 * <li>{@code event:} first, then {@code id:} when set, then {@code retry:} when not 1000 ms;</li>
 * <li>options that equal their default are omitted;</li>
 * <li>multi-line values become one {@code data:} line per line (CR, LF and CRLF all split);</li>
 * <li>a blank line ends the event.</li>
 * </ul>
 * Thread-safe.
 */
public final class DatastarEventEncoder {

	private static final byte[] HEARTBEAT = ":\n\n".getBytes(StandardCharsets.US_ASCII);

	private final JsonMapper jsonMapper;

	/** An encoder that serialises signal objects with the given mapper (use the application's). */
	public DatastarEventEncoder(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	/** An encoder with Jackson's shared default mapper, for code outside a Spring context. */
	public DatastarEventEncoder() {
		this(JsonMapper.shared());
	}

	/** The complete event, blank line included, as UTF-8 bytes ready for the socket. */
	public byte[] encode(DatastarEvent event) {
		SseBuffer out = SseBuffer.acquire();
		try {
			header(out, event);
			if (event instanceof PatchElements p) {
				patchElementsData(out, p);
			}
			else if (event instanceof PatchSignals s) {
				patchSignalsData(out, s);
			}
			else if (event instanceof ExecuteScript x) {
				executeScriptData(out, x);
			}
			out.newline();
			return out.toByteArray();
		}
		finally {
			out.release();
		}
	}

	/** The event as a String, for tests and logs. */
	public String encodeToString(DatastarEvent event) {
		return new String(encode(event), StandardCharsets.UTF_8);
	}

	/**
	 * An SSE comment ({@code : text}), ignored by clients; used as a heartbeat. Multi-line text
	 * becomes one comment line per line.
	 */
	public byte[] comment(String text) {
		if (text == null || text.isEmpty()) {
			return HEARTBEAT.clone();
		}
		SseBuffer out = SseBuffer.acquire();
		try {
			int start = 0;
			for (int i = 0; i <= text.length(); i++) {
				char c = (i < text.length()) ? text.charAt(i) : '\n';
				if (c == '\n' || c == '\r') {
					out.ascii(": ");
					out.utf8(text, start, i);
					out.newline();
					if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
						i++;
					}
					start = i + 1;
				}
			}
			out.newline();
			return out.toByteArray();
		}
		finally {
			out.release();
		}
	}

	/** The JSON text of an event's signals: text verbatim, anything else through the mapper. */
	public String signalsJson(PatchSignals event) {
		Object signals = event.signals();
		if (signals instanceof String json) {
			return json;
		}
		return this.jsonMapper.writeValueAsString(signals);
	}

	private static void header(SseBuffer out, DatastarEvent event) {
		out.field("event", event.type().wireName());
		if (event.eventId() != null) {
			out.field("id", event.eventId());
		}
		Duration retry = event.retry();
		if (retry != null && !retry.equals(DatastarEvent.DEFAULT_RETRY)) {
			out.field("retry", Long.toString(retry.toMillis()));
		}
	}

	private static void patchElementsData(SseBuffer out, PatchElements p) {
		if (p.selector() != null) {
			out.data("selector", p.selector());
		}
		if (p.mode() != ElementPatchMode.OUTER) {
			out.data("mode", p.mode().wireName());
		}
		if (p.useViewTransition()) {
			out.data("useViewTransition", "true");
			if (p.viewTransitionSelector() != null) {
				out.data("viewTransitionSelector", p.viewTransitionSelector());
			}
		}
		if (p.namespace() != ElementNamespace.HTML) {
			out.data("namespace", p.namespace().wireName());
		}
		if (p.elements() != null) {
			out.dataLines("elements", p.elements());
		}
	}

	private void patchSignalsData(SseBuffer out, PatchSignals s) {
		if (s.onlyIfMissing()) {
			out.data("onlyIfMissing", "true");
		}
		out.dataLines("signals", signalsJson(s));
	}

	private static void executeScriptData(SseBuffer out, ExecuteScript x) {
		out.data("mode", ElementPatchMode.APPEND.wireName());
		out.data("selector", "body");
		StringBuilder tag = new StringBuilder(x.script().length() + 64).append("<script");
		for (Map.Entry<String, String> a : x.attributes().entrySet()) {
			tag.append(' ').append(a.getKey()).append("=\"");
			HtmlEscape.attributeValue(a.getValue(), tag);
			tag.append('"');
		}
		if (x.autoRemove()) {
			tag.append(" data-effect=\"el.remove()\"");
		}
		tag.append('>').append(x.script()).append("</script>");
		out.dataLines("elements", tag.toString());
	}

}
