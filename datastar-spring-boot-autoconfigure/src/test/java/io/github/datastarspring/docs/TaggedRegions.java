package io.github.datastarspring.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Tagged regions of source files: the lines between {@code tag::NAME[]} and {@code end::NAME[]} marker
 * lines (as comments of the file's language: {@code //}, {@code #}, {@code <!-- -->}, or Thymeleaf's
 * parser-level {@code <!--/* ... *}{@code /-->}, which stays out of the rendered page); marker lines of
 * other regions inside are left out.
 */
final class TaggedRegions {

	private static final Pattern ANY_MARKER = Pattern
		.compile("^\\s*(//|#|<!--(/\\*)?)\\s*(tag|end)::[\\w.-]+\\[\\]\\s*((\\*/)?-->)?\\s*$");

	private TaggedRegions() {
	}

	/**
	 * The region's lines, or null when the file has no such region. A tag may open and close
	 * several times: its segments are joined, so a region can leave out what lies between them.
	 */
	static @Nullable List<String> region(List<String> lines, String tag) {
		Pattern start = marker("tag", tag);
		Pattern end = marker("end", tag);
		List<String> region = null;
		boolean inside = false;
		for (String line : lines) {
			if (!inside) {
				if (start.matcher(line).matches()) {
					inside = true;
					region = (region != null) ? region : new ArrayList<>();
				}
			}
			else if (end.matcher(line).matches()) {
				inside = false;
			}
			else if (!ANY_MARKER.matcher(line).matches()) {
				region.add(line);
			}
		}
		return inside ? null : region;
	}

	private static Pattern marker(String kind, String tag) {
		return Pattern.compile("^\\s*(//|#|<!--(/\\*)?)\\s*" + kind + "::" + Pattern.quote(tag)
				+ "\\[\\]\\s*((\\*/)?-->)?\\s*$");
	}

	/**
	 * Leading tabs as 4 spaces, trailing spaces removed, blank lines at both ends removed, and the
	 * indentation common to all non-blank lines removed.
	 */
	static List<String> normalise(List<String> lines) {
		List<String> expanded = new ArrayList<>();
		for (String line : lines) {
			int i = 0;
			StringBuilder indent = new StringBuilder();
			while (i < line.length() && (line.charAt(i) == '\t' || line.charAt(i) == ' ')) {
				indent.append((line.charAt(i) == '\t') ? "    " : " ");
				i++;
			}
			expanded.add((indent + line.substring(i)).stripTrailing());
		}
		while (!expanded.isEmpty() && expanded.get(0).isEmpty()) {
			expanded.remove(0);
		}
		while (!expanded.isEmpty() && expanded.get(expanded.size() - 1).isEmpty()) {
			expanded.remove(expanded.size() - 1);
		}
		int common = expanded.stream()
			.filter((line) -> !line.isEmpty())
			.mapToInt((line) -> line.length() - line.stripLeading().length())
			.min()
			.orElse(0);
		List<String> result = new ArrayList<>();
		for (String line : expanded) {
			result.add(line.isEmpty() ? line : line.substring(common));
		}
		return result;
	}

}
