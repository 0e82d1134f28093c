package io.github.datastarspring.core;

/** The two event types of the Datastar 1.0 protocol. */
public enum EventType {

	PATCH_ELEMENTS("datastar-patch-elements"),

	PATCH_SIGNALS("datastar-patch-signals");

	private final String wireName;

	EventType(String wireName) {
		this.wireName = wireName;
	}

	/** The value of the {@code event:} line. */
	public String wireName() {
		return this.wireName;
	}

}
