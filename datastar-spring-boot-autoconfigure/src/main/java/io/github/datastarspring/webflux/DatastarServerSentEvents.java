package io.github.datastarspring.webflux;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.github.datastarspring.core.DatastarEvent;
import io.github.datastarspring.core.DatastarEventEncoder;
import io.github.datastarspring.core.DatastarEvents;
import io.github.datastarspring.core.SseFormat;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

import org.springframework.http.codec.ServerSentEvent;

/**
 * Turns Datastar events into {@code ServerSentEvent<String>}, the shape reactive controllers
 * already return. Inject the bean (it serialises signals with the application's {@code JsonMapper}).
 *
 * <pre>{@code
 * @GetMapping("/clock")
 * Flux<ServerSentEvent<String>> clock() {
 *     return sse.from(Flux.interval(Duration.ofSeconds(1))
 *         .map(n -> DatastarEvents.patchElements("<span id=\"clock\">" + LocalTime.now() + "</span>")));
 * }
 * }</pre>
 * Written by {@link DatastarServerSentEventHttpMessageWriter} for the Datastar client's requests, the
 * bytes equal those of the same events written as a Datastar stream.
 */
public class DatastarServerSentEvents {

	private final DatastarEventEncoder encoder;

	public DatastarServerSentEvents(DatastarEventEncoder encoder) {
		this.encoder = Objects.requireNonNull(encoder, "encoder");
	}

	/** One event: {@code event} is the Datastar type, {@code data} its data lines without {@code "data: "}. */
	public ServerSentEvent<String> of(DatastarEvent event) {
		ServerSentEvent.Builder<String> sse = ServerSentEvent.<String>builder()
			.event(event.type().wireName())
			.data(SseFormat.data(this.encoder, event));
		if (event.eventId() != null) {
			sse.id(event.eventId());
		}
		if (event.retry() != null && !event.retry().equals(DatastarEvent.DEFAULT_RETRY)) {
			sse.retry(event.retry());
		}
		return sse.build();
	}

	/** The events of {@code events}, in order. */
	public Flux<ServerSentEvent<String>> from(Publisher<? extends DatastarEvent> events) {
		return Flux.from(events).map(this::of);
	}

	/** A fixed list of events. */
	public Flux<ServerSentEvent<String>> from(DatastarEvent... events) {
		return Flux.fromArray(events).map(this::of);
	}

	/** Collects events with the usual sugar, then {@link Builder#build()} gives the flux. */
	public Builder builder() {
		return new Builder();
	}

	/** Collects events in order. */
	public final class Builder {

		private final List<DatastarEvent> events = new ArrayList<>();

		private Builder() {
		}

		public Builder event(DatastarEvent event) {
			this.events.add(Objects.requireNonNull(event, "event"));
			return this;
		}

		public Builder patchElements(String html) {
			return event(DatastarEvents.patchElements(html));
		}

		public Builder patchSignals(Object signals) {
			return event(DatastarEvents.patchSignals(signals));
		}

		public Builder removeElements(String selector) {
			return event(DatastarEvents.removeElements(selector));
		}

		public Builder removeSignals(String... paths) {
			return event(DatastarEvents.removeSignals(paths));
		}

		public Builder executeScript(String script) {
			return event(DatastarEvents.executeScript(script));
		}

		public Builder redirect(String url) {
			return event(DatastarEvents.redirect(url));
		}

		public Flux<ServerSentEvent<String>> build() {
			List<DatastarEvent> snapshot = List.copyOf(this.events);
			return Flux.fromIterable(snapshot).map(DatastarServerSentEvents.this::of);
		}

	}

}
