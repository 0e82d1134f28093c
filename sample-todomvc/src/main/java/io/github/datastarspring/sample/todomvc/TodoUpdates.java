package io.github.datastarspring.sample.todomvc;

import java.util.Map;

import io.github.datastarspring.core.DatastarRequest;
import io.github.datastarspring.core.PatchElements;
import io.github.datastarspring.core.TemplateRenderer;
import io.github.datastarspring.mvc.DatastarEmitter;
import io.github.datastarspring.realtime.DatastarBroadcaster;

import org.springframework.stereotype.Component;

/**
 * Keeps every page of a list in step. Each list is a topic of the {@link DatastarBroadcaster}; a
 * change renders the app section once and the same bytes go to every page showing that list.
 */
@Component
class TodoUpdates {

	private final TodoStore store;

	private final DatastarBroadcaster broadcaster;

	private final TemplateRenderer renderer;

	TodoUpdates(TodoStore store, DatastarBroadcaster broadcaster, TemplateRenderer renderer) {
		this.store = store;
		this.broadcaster = broadcaster;
		this.renderer = renderer;
	}

	/**
	 * A page's stream: the list as it is now (on every connect and reconnect, unless the client
	 * only missed events the broadcaster can replay), then every change.
	 */
	// tag::hub[]
	DatastarEmitter subscribe(String list, DatastarRequest request) {
		return this.broadcaster.subscribe(topic(list), new DatastarEmitter(), request, (out) -> out.send(render(list)));
	}

	/**
	 * Applies {@code change} and publishes the result. The broadcaster runs both under the list's
	 * lock, so pages receive changes in the order they were made and none is lost to a page
	 * that connects meanwhile. An exception from {@code change} publishes nothing.
	 */
	void apply(String list, Runnable change) {
		this.broadcaster.update(topic(list), () -> {
			change.run();
			return render(list);
		});
	}

	/** The whole app section, morphed in by its id. */
	private PatchElements render(String list) {
		return this.renderer.patchElements("todos :: app", Map.of("list", this.store.find(list)));
	}

	// end::hub[]
	private static String topic(String list) {
		return "todos:" + list;
	}

}
