package io.github.datastarspring.core;

import java.util.Locale;

/** How patched elements are applied to the page. {@link #OUTER} is the protocol default. */
public enum ElementPatchMode {

	/** Morph the target element, matched by id or selector (default). */
	OUTER,
	/** Morph the children of the target. */
	INNER,
	/** Replace the target without morphing. */
	REPLACE,
	/** Insert as the first children of the target. */
	PREPEND,
	/** Insert as the last children of the target. */
	APPEND,
	/** Insert before the target. */
	BEFORE,
	/** Insert after the target. */
	AFTER,
	/** Remove the target; needs a selector and no elements. */
	REMOVE;

	private final String wireName = name().toLowerCase(Locale.ROOT);

	/** The value of the {@code mode} data line. */
	public String wireName() {
		return this.wireName;
	}

	/** Parses a wire name such as {@code "append"}; case-insensitive. */
	public static ElementPatchMode fromWireName(String name) {
		for (ElementPatchMode mode : values()) {
			if (mode.wireName.equalsIgnoreCase(name)) {
				return mode;
			}
		}
		throw new IllegalArgumentException("Unknown element patch mode '" + name + "'");
	}

}
