package io.github.datastarspring.docs.realtime;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.stereotype.Component;

/** The docs' to-do lists, in memory. */
@Component
class TodoRepository {

	private final Map<String, List<String>> lists = new ConcurrentHashMap<>();

	void add(String list, String title) {
		this.lists.computeIfAbsent(list, (name) -> new CopyOnWriteArrayList<>()).add(title);
	}

	Map<String, ?> model(String list) {
		return Map.of("list", list, "todos", List.copyOf(this.lists.getOrDefault(list, List.of())));
	}

}
