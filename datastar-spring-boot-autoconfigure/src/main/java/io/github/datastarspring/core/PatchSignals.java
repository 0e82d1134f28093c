package io.github.datastarspring.core;

import java.time.Duration;
import java.util.Objects;

/**
 * A {@code datastar-patch-signals} event: a JSON Merge Patch (RFC 7396) applied to the page's
 * signals. {@code null} values remove signals, objects merge, arrays replace.
 *
 * <p>The signals are JSON text ({@link String}, sent verbatim, newlines included), a Jackson
 * {@code JsonNode}, a {@code Map} or any object; objects are serialised when the event is encoded,
 * with the application's {@code JsonMapper}.
 */
public final class PatchSignals implements DatastarEvent {

	private final Object signals;

	private final boolean onlyIfMissing;

	private final String eventId;

	private final Duration retry;

	private PatchSignals(Builder b) {
		this.signals = Objects.requireNonNull(b.signals, "signals must not be null");
		this.onlyIfMissing = b.onlyIfMissing;
		this.eventId = SingleLine.require("eventId", (b.eventId == null || b.eventId.isEmpty()) ? null : b.eventId);
		this.retry = SingleLine.requireRetry(b.retry);
	}

	/** Patches the given signals: JSON text, a {@code JsonNode}, a {@code Map} or any object. */
	public static PatchSignals of(Object signals) {
		return builder().signals(signals).build();
	}

	public static Builder builder() {
		return new Builder();
	}

	public Builder toBuilder() {
		Builder b = new Builder();
		b.signals = this.signals;
		b.onlyIfMissing = this.onlyIfMissing;
		b.eventId = this.eventId;
		b.retry = this.retry;
		return b;
	}

	@Override
	public EventType type() {
		return EventType.PATCH_SIGNALS;
	}

	/** The signals as given: JSON text, a {@code JsonNode}, or an object to serialise. */
	public Object signals() {
		return this.signals;
	}

	public boolean onlyIfMissing() {
		return this.onlyIfMissing;
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
	public PatchSignals withEventId(String eventId) {
		return toBuilder().eventId(eventId).build();
	}

	@Override
	public boolean equals(Object o) {
		return this == o || (o instanceof PatchSignals p && this.onlyIfMissing == p.onlyIfMissing
				&& this.signals.equals(p.signals) && Objects.equals(this.eventId, p.eventId)
				&& Objects.equals(this.retry, p.retry));
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.signals, this.onlyIfMissing, this.eventId);
	}

	@Override
	public String toString() {
		return "PatchSignals[onlyIfMissing=" + this.onlyIfMissing + ", eventId=" + this.eventId + ", signals="
				+ PatchElements.abbreviate(String.valueOf(this.signals)) + "]";
	}

	/** Builds a {@link PatchSignals}; every option starts at its protocol default. */
	public static final class Builder {

		private Object signals;

		private boolean onlyIfMissing;

		private String eventId;

		private Duration retry;

		private Builder() {
		}

		/** JSON text (sent verbatim), a {@code JsonNode}, a {@code Map} or any object. */
		public Builder signals(Object signals) {
			this.signals = signals;
			return this;
		}

		/** Only set signals the page does not have yet. */
		public Builder onlyIfMissing(boolean onlyIfMissing) {
			this.onlyIfMissing = onlyIfMissing;
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

		public PatchSignals build() {
			return new PatchSignals(this);
		}

	}

}
