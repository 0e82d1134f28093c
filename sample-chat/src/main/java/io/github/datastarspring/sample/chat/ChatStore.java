package io.github.datastarspring.sample.chat;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/** The chat's state, in memory: the last messages of each room and each user's direct messages. */
@Component
class ChatStore {

	static final List<String> ROOMS = List.of("lobby", "spring", "datastar");

	private static final int KEPT = 100;

	private final Map<String, Deque<Message>> rooms = new ConcurrentHashMap<>();

	private final Map<String, Deque<Message>> direct = new ConcurrentHashMap<>();

	record Message(String from, String to, String text, LocalTime at) {
	}

	List<Message> messages(String room) {
		return copy(this.rooms.get(room));
	}

	void post(String room, String from, String text) {
		add(this.rooms.computeIfAbsent(room, (r) -> new ArrayDeque<>()), new Message(from, null, text, now()));
	}

	/** The direct messages {@code user} sent or received, oldest first. */
	List<Message> directMessages(String user) {
		return copy(this.direct.get(user));
	}

	void send(String from, String to, String text) {
		Message message = new Message(from, to, text, now());
		add(this.direct.computeIfAbsent(to, (u) -> new ArrayDeque<>()), message);
		if (!from.equals(to)) {
			add(this.direct.computeIfAbsent(from, (u) -> new ArrayDeque<>()), message);
		}
	}

	private static void add(Deque<Message> messages, Message message) {
		synchronized (messages) {
			messages.addLast(message);
			while (messages.size() > KEPT) {
				messages.removeFirst();
			}
		}
	}

	private static List<Message> copy(Deque<Message> messages) {
		if (messages == null) {
			return List.of();
		}
		synchronized (messages) {
			return new ArrayList<>(messages);
		}
	}

	private static LocalTime now() {
		return LocalTime.now().truncatedTo(ChronoUnit.SECONDS);
	}

}
