package io.github.datastarspring.test;

import java.util.Comparator;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON for assertions: parse, navigate by dotted signal path, compare numbers by value. */
final class Json {

	/** Numbers equal by value (1 and 1.0, an int and a long), everything else by {@code equals}. */
	private static final Comparator<JsonNode> VALUES = (a, b) -> {
		if (a.isNumber() && b.isNumber()) {
			return a.decimalValue().compareTo(b.decimalValue());
		}
		return a.equals(b) ? 0 : 1;
	};

	private Json() {
	}

	static JsonNode parse(String json) {
		try {
			return JsonMapper.shared().readTree(json);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("Not valid JSON: " + json + " (" + ex.getOriginalMessage() + ")", ex);
		}
	}

	/** A Java value (or JSON text, when it is a {@link JsonNode}) as a tree. */
	static JsonNode tree(@Nullable Object value) {
		return (value instanceof JsonNode node) ? node : JsonMapper.shared().valueToTree(value);
	}

	static boolean same(JsonNode a, JsonNode b) {
		return a.equals(VALUES, b);
	}

	/** The node at a dotted signal path ({@code todo.title}), or {@code null} when absent. */
	static @Nullable JsonNode at(JsonNode root, String path) {
		JsonNode node = root;
		for (String name : path.split("\\.")) {
			if (node == null || !node.isObject() || !node.has(name)) {
				return null;
			}
			node = node.get(name);
		}
		return node;
	}

}
