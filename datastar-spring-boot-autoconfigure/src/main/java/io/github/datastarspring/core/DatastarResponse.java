package io.github.datastarspring.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A short, complete answer: a few events written as an SSE response that then ends. Return it from
 * a controller method on either stack.
 *
 * <pre>{@code
 * return DatastarResponse.of(DatastarEvents.patchElements(html), DatastarEvents.patchSignals(Map.of("saved", true)));
 * }</pre>
 */
public final class DatastarResponse {

	private final List<DatastarEvent> events;

	private DatastarResponse(List<DatastarEvent> events) {
		this.events = Collections.unmodifiableList(new ArrayList<>(events));
	}

	public static DatastarResponse of(DatastarEvent... events) {
		return new DatastarResponse(List.of(events));
	}

	public static DatastarResponse of(List<? extends DatastarEvent> events) {
		return new DatastarResponse(List.copyOf(events));
	}

	public static Builder builder() {
		return new Builder();
	}

	public List<DatastarEvent> events() {
		return this.events;
	}

	@Override
	public String toString() {
		return "DatastarResponse" + this.events;
	}

	/** Collects events in order. */
	public static final class Builder {

		private final List<DatastarEvent> events = new ArrayList<>();

		private Builder() {
		}

		public Builder event(DatastarEvent event) {
			this.events.add(java.util.Objects.requireNonNull(event, "event"));
			return this;
		}

		public Builder patchElements(String html) {
			return event(DatastarEvents.patchElements(html));
		}

		public Builder patchSignals(Object signals) {
			return event(DatastarEvents.patchSignals(signals));
		}

		public Builder executeScript(String script) {
			return event(DatastarEvents.executeScript(script));
		}

		public DatastarResponse build() {
			return new DatastarResponse(this.events);
		}

	}

}
