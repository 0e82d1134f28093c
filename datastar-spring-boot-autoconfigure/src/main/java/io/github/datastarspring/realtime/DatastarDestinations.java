package io.github.datastarspring.realtime;

import java.util.Objects;

/**
 * Names of the hub topics that reach one user or one session. They are ordinary topics, so a
 * publish to them has every topic guarantee (encoded once, replay, overflow policy) and travels
 * between instances through the shared {@link DatastarEventLog} when one is configured.
 */
public final class DatastarDestinations {

	/** Prefix of a user's topic: every stream of that user, in every tab, on every instance. */
	public static final String USER_PREFIX = "datastar:user:";

	/** Prefix of a session's topic: every stream of that HTTP session. */
	public static final String SESSION_PREFIX = "datastar:session:";

	/** Prefix of the topic on which instances announce who is present on a topic. */
	public static final String PRESENCE_PREFIX = "datastar:presence:";

	private DatastarDestinations() {
	}

	/** {@code datastar:user:<name>}. */
	public static String user(String name) {
		return USER_PREFIX + Objects.requireNonNull(name, "name");
	}

	/** {@code datastar:session:<id>}. */
	public static String session(String id) {
		return SESSION_PREFIX + Objects.requireNonNull(id, "id");
	}

	/** {@code datastar:presence:<topic>}. */
	public static String presence(String topic) {
		return PRESENCE_PREFIX + Objects.requireNonNull(topic, "topic");
	}

}
