package io.github.datastarspring.core;

import java.util.Locale;

/** The namespace patched elements are parsed in. {@link #HTML} is the protocol default. */
public enum ElementNamespace {

	HTML, SVG, MATHML;

	private final String wireName = name().toLowerCase(Locale.ROOT);

	/** The value of the {@code namespace} data line. */
	public String wireName() {
		return this.wireName;
	}

	/** Parses a wire name such as {@code "svg"}; case-insensitive. */
	public static ElementNamespace fromWireName(String name) {
		for (ElementNamespace namespace : values()) {
			if (namespace.wireName.equalsIgnoreCase(name)) {
				return namespace;
			}
		}
		throw new IllegalArgumentException("Unknown element namespace '" + name + "'");
	}

}
