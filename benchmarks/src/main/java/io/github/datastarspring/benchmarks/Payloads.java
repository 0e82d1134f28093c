package io.github.datastarspring.benchmarks;

/** The texts every benchmark sends, built deterministically so each run measures the same bytes. */
public final class Payloads {

	private Payloads() {
	}

	/** HTML of {@code lines} lines totalling about {@code bytes} bytes (ASCII), ids on every element. */
	public static String html(int lines, int bytes) {
		StringBuilder sb = new StringBuilder(bytes + 64);
		sb.append("<div id=\"feed\" class=\"feed\">");
		int perLine = Math.max(16, bytes / lines);
		for (int i = 1; i < lines - 1; i++) {
			sb.append('\n');
			int start = sb.length();
			sb.append("  <p id=\"m").append(i).append("\" class=\"msg\">");
			while (sb.length() - start < perLine - 5) {
				sb.append((char) ('a' + (sb.length() % 26)));
			}
			sb.append("</p>");
		}
		sb.append("\n</div>");
		return sb.toString();
	}

	/** Compact JSON text of about {@code bytes} bytes: an object of string and number signals. */
	public static String json(int bytes) {
		StringBuilder sb = new StringBuilder(bytes + 64);
		sb.append('{');
		int i = 0;
		while (sb.length() < bytes - 40) {
			if (i > 0) {
				sb.append(',');
			}
			sb.append("\"signal").append(i).append("\":");
			if (i % 2 == 0) {
				sb.append(i * 31);
			}
			else {
				sb.append("\"value of signal ").append(i).append('"');
			}
			i++;
		}
		sb.append(",\"last\":true}");
		return sb.toString();
	}

	/** {@code text} with every line prefixed by {@code key + " "}: the data lines a hand-written SSE server formats. */
	public static String prefixLines(String key, String text) {
		return key + " " + text.replace("\n", "\n" + key + " ");
	}

}
