package dev.datastar.spring.sample.todomvc;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.datastar.spring.core.DatastarEventEncoder;
import dev.datastar.spring.core.DatastarRequest;
import dev.datastar.spring.core.PatchElements;
import dev.datastar.spring.core.TemplateRenderer;
import dev.datastar.spring.mvc.DatastarEmitter;

import org.springframework.stereotype.Component;

/**
 * Keeps every page of a list in step: a change renders the app section once and the same bytes go
 * to every page showing that list.
 *
 * <p>STAND-IN: a small in-sample subscriber list until the starter's {@code DatastarBroadcaster}
 * lands on main (no replay, no overflow policy).
 */
@Component
class TodoUpdates {

	private final Map<String, Set<DatastarEmitter>> pages = new ConcurrentHashMap<>();

	private final TodoStore store;

	private final TemplateRenderer renderer;

	private final DatastarEventEncoder encoder;

	TodoUpdates(TodoStore store, TemplateRenderer renderer, DatastarEventEncoder encoder) {
		this.store = store;
		this.renderer = renderer;
		this.encoder = encoder;
	}

	/** A page's stream: the list as it is now, on every connect, then every change. */
	DatastarEmitter subscribe(String list, DatastarRequest request) {
		DatastarEmitter emitter = new DatastarEmitter();
		Set<DatastarEmitter> listPages = pages(list);
		synchronized (listPages) {
			emitter.send(render(list));
			listPages.add(emitter);
		}
		emitter.onClose(() -> listPages.remove(emitter));
		return emitter;
	}

	/** Applies {@code change} and publishes the result, under the list's lock so order holds. */
	void apply(String list, Runnable change) {
		Set<DatastarEmitter> listPages = pages(list);
		synchronized (listPages) {
			change.run();
			byte[] event = this.encoder.encode(render(list));
			listPages.forEach((page) -> page.offerReplacingQueued(event));
		}
	}

	private Set<DatastarEmitter> pages(String list) {
		return this.pages.computeIfAbsent(list, (name) -> ConcurrentHashMap.newKeySet());
	}

	private PatchElements render(String list) {
		return this.renderer.patchElements("todos :: app", Map.of("list", this.store.find(list)));
	}

}
