package io.github.datastarspring.sample.dashboard.view;

import java.util.Locale;

/** Number formatting for KPIs and chart labels, locale-independent so tests can rely on it. */
public final class Formats {

	private Formats() {
	}

	/** {@code 0}, {@code 7.5}, {@code 42}, {@code 1.2k}, {@code 3.4M}. */
	public static String compact(double v) {
		double a = Math.abs(v);
		if (a >= 1_000_000) {
			return trim(String.format(Locale.ROOT, "%.1f", v / 1_000_000)) + "M";
		}
		if (a >= 1_000) {
			return trim(String.format(Locale.ROOT, "%.1f", v / 1_000)) + "k";
		}
		if (a >= 100 || a == 0) {
			return String.format(Locale.ROOT, "%.0f", v);
		}
		return trim(String.format(Locale.ROOT, (a >= 10) ? "%.1f" : "%.2f", v));
	}

	/** A size in bytes as {@code 512 MB} or {@code 6 GB}. */
	public static String bytes(long bytes) {
		double mb = bytes / 1048576.0;
		return (mb >= 1024) ? compactOrInt(mb / 1024) + " GB" : compactOrInt(mb) + " MB";
	}

	private static String compactOrInt(double v) {
		return trim(String.format(Locale.ROOT, "%.1f", v));
	}

	/** One decimal: {@code 12.3}. */
	public static String oneDecimal(double v) {
		return String.format(Locale.ROOT, "%.1f", v);
	}

	/** Grouped integer: {@code 1,234,567}. */
	public static String grouped(long v) {
		return String.format(Locale.US, "%,d", v);
	}

	/** Cents as money: {@code $12,345.67}. */
	public static String money(long cents) {
		return String.format(Locale.US, "$%,d.%02d", cents / 100, Math.abs(cents % 100));
	}

	private static String trim(String s) {
		if (s.indexOf('.') < 0) {
			return s;
		}
		String t = s.replaceAll("0+$", "");
		return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
	}

}
