package io.github.datastarspring.core;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Runs JavaScript in the page. Sugar over patch-elements: a {@code <script>} appended to
 * {@code body}, which removes itself again unless {@code autoRemove} is off.
 *
 * <p>The script is written as given; it must not contain {@code </script>}.
 */
public final class ExecuteScript implements DatastarEvent {

	private final String script;

	private final boolean autoRemove;

	private final Map<String, String> attributes;

	private final String eventId;

	private final Duration retry;

	private ExecuteScript(Builder b) {
		this.script = Objects.requireNonNull(b.script, "script must not be null");
		this.autoRemove = b.autoRemove;
		b.attributes.keySet().forEach(ExecuteScript::requireAttributeName);
		this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(b.attributes));
		this.eventId = SingleLine.require("eventId", (b.eventId == null || b.eventId.isEmpty()) ? null : b.eventId);
		this.retry = SingleLine.requireRetry(b.retry);
	}

	public static ExecuteScript of(String script) {
		return builder().script(script).build();
	}

	public static Builder builder() {
		return new Builder();
	}

	public Builder toBuilder() {
		Builder b = new Builder();
		b.script = this.script;
		b.autoRemove = this.autoRemove;
		b.attributes.putAll(this.attributes);
		b.eventId = this.eventId;
		b.retry = this.retry;
		return b;
	}

	@Override
	public EventType type() {
		return EventType.PATCH_ELEMENTS;
	}

	public String script() {
		return this.script;
	}

	public boolean autoRemove() {
		return this.autoRemove;
	}

	/** Extra attributes of the script tag, in insertion order; values are HTML-escaped on the wire. */
	public Map<String, String> attributes() {
		return this.attributes;
	}

	@Override
	public String eventId() {
		return this.eventId;
	}

	@Override
	public Duration retry() {
		return this.retry;
	}

	@Override
	public ExecuteScript withEventId(String eventId) {
		return toBuilder().eventId(eventId).build();
	}

	@Override
	public boolean equals(Object o) {
		return this == o || (o instanceof ExecuteScript e && this.autoRemove == e.autoRemove
				&& this.script.equals(e.script) && this.attributes.equals(e.attributes)
				&& Objects.equals(this.eventId, e.eventId) && Objects.equals(this.retry, e.retry));
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.script, this.autoRemove, this.attributes, this.eventId);
	}

	@Override
	public String toString() {
		return "ExecuteScript[autoRemove=" + this.autoRemove + ", eventId=" + this.eventId + ", script="
				+ PatchElements.abbreviate(this.script) + "]";
	}

	/** An attribute name that cannot break out of the tag (HTML's attribute-name rules, strictly). */
	private static void requireAttributeName(String name) {
		if (name == null || name.isEmpty()) {
			throw new IllegalArgumentException("Datastar script attribute name must not be empty");
		}
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c <= ' ' || c == '"' || c == '\'' || c == '>' || c == '/' || c == '=' || c == '<' || c == 0x7f) {
				throw new IllegalArgumentException("Datastar script attribute name '" + name
						+ "' contains a character not allowed in an attribute name");
			}
		}
	}

	/** Builds an {@link ExecuteScript}; {@code autoRemove} starts true. */
	public static final class Builder {

		private String script;

		private boolean autoRemove = true;

		private final Map<String, String> attributes = new LinkedHashMap<>();

		private String eventId;

		private Duration retry;

		private Builder() {
		}

		public Builder script(String script) {
			this.script = script;
			return this;
		}

		/** Whether the script tag removes itself once run (default true). */
		public Builder autoRemove(boolean autoRemove) {
			this.autoRemove = autoRemove;
			return this;
		}

		/** Adds an attribute to the script tag, for example {@code type="module"}. */
		public Builder attribute(String name, String value) {
			this.attributes.put(name, Objects.requireNonNull(value, "attribute value"));
			return this;
		}

		public Builder attributes(Map<String, String> attributes) {
			attributes.forEach(this::attribute);
			return this;
		}

		public Builder eventId(String eventId) {
			this.eventId = eventId;
			return this;
		}

		public Builder retry(Duration retry) {
			this.retry = retry;
			return this;
		}

		public ExecuteScript build() {
			return new ExecuteScript(this);
		}

	}

}
