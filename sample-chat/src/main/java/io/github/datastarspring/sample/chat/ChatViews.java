package io.github.datastarspring.sample.chat;

import java.util.Map;

import io.github.datastarspring.core.DatastarEvent;
import io.github.datastarspring.core.TemplateRenderer;
import io.github.datastarspring.realtime.DatastarBroadcaster;
import io.github.datastarspring.realtime.DatastarPresence;

import org.springframework.stereotype.Component;

/**
 * The pieces of the chat page a stream patches: a room's messages and who is in it (sent to the
 * room's topic) and one user's direct messages (sent to that user's destination).
 */
@Component
class ChatViews {

	private final ChatStore store;

	private final TemplateRenderer renderer;

	private final DatastarPresence presence;

	ChatViews(ChatStore store, TemplateRenderer renderer, DatastarPresence presence, DatastarBroadcaster hub) {
		this.store = store;
		this.renderer = renderer;
		this.presence = presence;
		// Every join and leave re-renders the room list for everyone in the room. With several
		// instances each one sees each change; the patches are identical, so a repeat is harmless.
		presence.addListener((event) -> {
			if (event.topic().startsWith("chat:room:")) {
				hub.publish(event.topic(), members(event.members()));
			}
		});
	}

	static String topic(String room) {
		return "chat:room:" + room;
	}

	DatastarEvent messages(String room) {
		return this.renderer.patchElements("chat :: messages", Map.of("messages", this.store.messages(room)));
	}

	DatastarEvent members(String room) {
		return members(this.presence.members(topic(room)));
	}

	private DatastarEvent members(Map<String, Integer> members) {
		return this.renderer.patchElements("chat :: members", Map.of("members", members));
	}

	DatastarEvent directMessages(String user) {
		return this.renderer.patchElements("chat :: direct",
				Map.of("direct", this.store.directMessages(user), "me", user));
	}

}
