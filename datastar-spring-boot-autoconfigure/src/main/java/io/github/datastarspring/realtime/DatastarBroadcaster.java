package io.github.datastarspring.realtime;

import java.util.function.Supplier;

import io.github.datastarspring.core.DatastarEvent;
import io.github.datastarspring.core.DatastarRequest;
import io.github.datastarspring.core.DatastarSink;

/**
 * Fans events out to every stream subscribed to a topic: the real-time hub of an application.
 * Each publish is encoded once, stamped with the topic's next event id and offered to every
 * subscriber's bounded send queue; a publisher never waits for a client.
 *
 * <pre>{@code
 * @GetMapping("/updates")
 * DatastarEmitter updates(@RequestParam String list, DatastarRequest request) {
 *     return broadcaster.subscribe("todos:" + list, new DatastarEmitter(), request,
 *             out -> out.send(renderer.patchElements("todos :: app", model(list))));
 * }
 *
 * // in a command handler, after changing the model:
 * broadcaster.publish("todos:" + list, renderer.patchElements("todos :: app", model(list)));
 * }</pre>
 *
 * <p>Guarantees, per topic: subscribers receive events in publish order, each at most once; a
 * stream that reconnects with the last id it saw gets exactly the events it missed, before live
 * ones, or else its {@link DatastarSnapshot full state}. A subscriber leaves when its stream
 * closes for any reason, and is dropped (or resynchronised, see {@link OverflowPolicy}) when its
 * send queue is full.
 */
public interface DatastarBroadcaster {

	/**
	 * Adds a stream to a topic; it receives the events published from now on.
	 * @return {@code sink}, so that a controller can return the call
	 */
	default <S extends DatastarSink> S subscribe(String topic, S sink) {
		return subscribe(topic, sink, (String) null, null);
	}

	/**
	 * Adds a stream to a topic after sending it {@code snapshot}, the topic's full state: a
	 * first connection, with no {@code Last-Event-ID} to resume from.
	 * @return {@code sink}, so that a controller can return the call
	 */
	default <S extends DatastarSink> S subscribe(String topic, S sink, DatastarSnapshot snapshot) {
		return subscribe(topic, sink, (String) null, snapshot);
	}

	/**
	 * Adds a stream to a topic, first bringing it up to date. When {@code lastEventId} is one of
	 * this topic's ids still in its replay buffer, the events published after it are sent; when
	 * it is the latest id, nothing is; otherwise (first connect, or an id too old, from an earlier
	 * run or from another topic) {@code snapshot} sends the full state. No event published
	 * concurrently is lost, and none is both part of the replay and sent live.
	 * @param lastEventId the client's {@code Last-Event-ID}, or {@code null}
	 * @param snapshot sends the topic's full current state; runs on the calling thread while the
	 * topic's publishers wait, see {@link #update}; {@code null} sends nothing
	 * @return {@code sink}, so that a controller can return the call
	 */
	<S extends DatastarSink> S subscribe(String topic, S sink, String lastEventId, DatastarSnapshot snapshot);

	/** As {@link #subscribe(String, DatastarSink, String, DatastarSnapshot)} with the request's Last-Event-ID. */
	default <S extends DatastarSink> S subscribe(String topic, S sink, DatastarRequest request,
			DatastarSnapshot snapshot) {
		return subscribe(topic, sink, (request != null) ? request.lastEventId() : null, snapshot);
	}

	/** Stops sending to {@code sink} from {@code topic}, without ending the stream. */
	void unsubscribe(String topic, DatastarSink sink);

	/**
	 * Sends {@code event} to every subscriber of {@code topic}, stamped with the topic's next id
	 * (an id on the event itself is replaced). Does nothing when the topic has no subscribers and
	 * no recent history.
	 */
	default void publish(String topic, DatastarEvent event) {
		publish(topic, null, event);
	}

	/**
	 * As {@link #publish(String, DatastarEvent)}, naming what the event is about. On a coalescing
	 * topic only the last event per key published within one window is sent; a {@code null} key
	 * stands for the whole topic. Elsewhere the key is ignored.
	 */
	void publish(String topic, String key, DatastarEvent event);

	/**
	 * Applies a state change and publishes the event it returns, with no subscriber's snapshot
	 * taken in between. Changing state and publishing this way makes every change appear exactly
	 * once to every subscriber: either in its snapshot or as a later event. (Changing state then
	 * calling {@link #publish} may show a change made just before a subscription twice, in the
	 * snapshot and as the next event; Datastar patches are idempotent, so that is usually fine.)
	 * @param change changes the state and returns the event to publish, or {@code null} for none
	 */
	void update(String topic, Supplier<? extends DatastarEvent> change);

	/** How many streams are subscribed to {@code topic} right now. */
	int subscriberCount(String topic);

}
