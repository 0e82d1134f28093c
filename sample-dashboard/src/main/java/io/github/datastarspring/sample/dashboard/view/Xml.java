package io.github.datastarspring.sample.dashboard.view;

/** Escaping for text and attribute values written into HTML or SVG markup. */
final class Xml {

	private Xml() {
	}

	/** {@code value} safe as element text or inside a double-quoted attribute. */
	static String escape(String value) {
		StringBuilder out = null;
		for (int i = 0; i < value.length(); i++) {
			String replacement = switch (value.charAt(i)) {
				case '&' -> "&amp;";
				case '<' -> "&lt;";
				case '>' -> "&gt;";
				case '"' -> "&quot;";
				case '\'' -> "&#39;";
				default -> null;
			};
			if (replacement != null && out == null) {
				out = new StringBuilder(value.length() + 16).append(value, 0, i);
			}
			if (out != null) {
				if (replacement != null) {
					out.append(replacement);
				}
				else {
					out.append(value.charAt(i));
				}
			}
		}
		return (out != null) ? out.toString() : value;
	}

}
