package io.github.datastarspring.errors;

import java.util.List;

import io.github.datastarspring.core.DatastarEvent;

/**
 * Turns an error of a Datastar request into the events the page receives instead of the failed
 * answer. Define a bean of this type to replace the default (a toast configured with
 * {@code datastar.errors.*}); escape the message for where you put it.
 *
 * <pre>{@code
 * @Bean
 * DatastarErrorRenderer errorSignal() {
 *     return (error) -> List.of(DatastarEvents.patchSignals(Map.of("error", error.message())));
 * }
 * }</pre>
 */
@FunctionalInterface
public interface DatastarErrorRenderer {

	/** The events that show {@code error}; may be empty (the page then shows nothing). */
	List<DatastarEvent> render(DatastarError error);

}
