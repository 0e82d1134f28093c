package io.github.datastarspring.sample.chat;

import java.security.Principal;
import java.util.Map;

import jakarta.servlet.http.HttpSession;

import io.github.datastarspring.DatastarSignals;
import io.github.datastarspring.core.DatastarEvents;
import io.github.datastarspring.core.DatastarRequest;
import io.github.datastarspring.core.DatastarResponse;
import io.github.datastarspring.mvc.DatastarEmitter;
import io.github.datastarspring.realtime.DatastarBroadcaster;
import io.github.datastarspring.realtime.DatastarPresence;
import io.github.datastarspring.realtime.DatastarUsers;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The page, its stream and its commands. The handler gets the logged-in user as a
 * {@link Principal}, like any Spring MVC handler, and hands it to the hub.
 */
@Controller
class ChatController {

	static final int MAX_LENGTH = 500;

	private final ChatStore store;

	private final ChatViews views;

	private final DatastarBroadcaster hub;

	private final DatastarUsers users;

	private final DatastarPresence presence;

	ChatController(ChatStore store, ChatViews views, DatastarBroadcaster hub, DatastarUsers users,
			DatastarPresence presence) {
		this.store = store;
		this.views = views;
		this.hub = hub;
		this.users = users;
		this.presence = presence;
	}

	@GetMapping("/")
	String home() {
		return "redirect:/rooms/lobby";
	}

	@GetMapping("/rooms/{room}")
	String page(@PathVariable String room, Principal me, Model model) {
		checkRoom(room);
		model.addAttribute("room", room)
			.addAttribute("rooms", ChatStore.ROOMS)
			.addAttribute("me", me.getName())
			.addAttribute("users", java.util.List.of("user1", "user2", "user3"))
			.addAttribute("messages", this.store.messages(room))
			.addAttribute("members", this.presence.members(ChatViews.topic(room)))
			.addAttribute("direct", this.store.directMessages(me.getName()));
		return "chat";
	}

	// tag::stream[]
	@GetMapping("/rooms/{room}/updates")
	@ResponseBody
	DatastarEmitter updates(@PathVariable String room, Principal me, HttpSession session, DatastarRequest request) {
		checkRoom(room);
		String topic = ChatViews.topic(room);
		DatastarEmitter stream = this.hub.subscribe(topic, new DatastarEmitter(), request, (out) -> {
			out.send(this.views.messages(room));
			out.send(this.views.members(room));
			out.send(this.views.directMessages(me.getName()));
		});
		// Direct messages to this user reach this tab; logout or expiry of this session ends it.
		this.users.attach(stream, me, session.getId());
		// This tab counts in the room list until its stream closes, however it closes.
		this.presence.track(topic, me.getName(), stream);
		return stream;
	}
	// end::stream[]

	record Post(String text) {
	}

	@PostMapping("/rooms/{room}/messages")
	@ResponseBody
	DatastarResponse post(@PathVariable String room, Principal me, @DatastarSignals Post signals) {
		checkRoom(room);
		String text = checkText(signals.text());
		this.hub.update(ChatViews.topic(room), () -> {
			this.store.post(room, me.getName(), text);
			return this.views.messages(room);
		});
		return DatastarResponse.of(DatastarEvents.patchSignals(Map.of("text", "")));
	}

	record Direct(String to, String dm) {
	}

	// tag::dm[]
	@PostMapping("/direct")
	@ResponseBody
	DatastarResponse direct(Principal me, @DatastarSignals Direct signals) {
		String to = signals.to();
		if (to == null || !java.util.List.of("user1", "user2", "user3").contains(to)) {
			throw new ChatException("Choose who to send it to.");
		}
		String text = checkText(signals.dm());
		this.store.send(me.getName(), to, text);
		// Every tab of the recipient, and of the sender, on any instance.
		this.users.publishToUser(to, this.views.directMessages(to));
		this.users.publishToUser(me.getName(), this.views.directMessages(me.getName()));
		return DatastarResponse.of(DatastarEvents.patchSignals(Map.of("dm", "")));
	}
	// end::dm[]

	/** Only admins may announce (user1): for everyone else Spring Security refuses, visibly. */
	@PostMapping("/rooms/{room}/announcements")
	@ResponseBody
	DatastarResponse announce(@PathVariable String room, Principal me) {
		checkRoom(room);
		this.hub.update(ChatViews.topic(room), () -> {
			this.store.post(room, me.getName(), "📣 Announcement from the admins: be nice!");
			return this.views.messages(room);
		});
		return DatastarResponse.of(DatastarEvents.patchSignals(Map.of()));
	}

	/** A bug on purpose, to show what a server error looks like. */
	@PostMapping("/rooms/{room}/crash")
	@ResponseBody
	DatastarResponse crash(@PathVariable String room) {
		throw new IllegalStateException("Simulated failure in room " + room);
	}

	private static void checkRoom(String room) {
		if (!ChatStore.ROOMS.contains(room)) {
			throw new ChatException("There is no room named " + room + ".");
		}
	}

	private static String checkText(String text) {
		String trimmed = (text != null) ? text.strip() : "";
		if (trimmed.isEmpty()) {
			throw new ChatException("Type a message first.");
		}
		if (trimmed.length() > MAX_LENGTH) {
			throw new ChatException("A message can have at most " + MAX_LENGTH + " characters.");
		}
		return trimmed;
	}

}
