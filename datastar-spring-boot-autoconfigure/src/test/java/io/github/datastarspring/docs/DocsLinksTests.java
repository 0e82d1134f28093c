package io.github.datastarspring.docs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every relative link of README.md, CHANGELOG.md and docs/ points at a file of the repository, and a
 * link to a heading of a Markdown file ({@code page.md#heading}) at a heading that exists.
 */
class DocsLinksTests {

	private static final Pattern INLINE = Pattern.compile("!?\\[[^\\]]*\\]\\(\\s*<?([^)\\s>]+)>?(\\s+\"[^\"]*\")?\\s*\\)");

	private static final Pattern REFERENCE = Pattern.compile("^\\s*\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(\\s+.*)?$");

	private static final Pattern HTML = Pattern.compile("(?:href|src)=\"([^\"]+)\"");

	private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");

	@TestFactory
	Stream<DynamicTest> everyRelativeLinkResolves() {
		return Markdown.all().stream().map((doc) -> DynamicTest.dynamicTest(doc.name, () -> {
			List<String> problems = new ArrayList<>();
			List<@Nullable String> prose = doc.prose();
			for (int i = 0; i < prose.size(); i++) {
				String line = prose.get(i);
				if (line == null) {
					continue;
				}
				for (String target : targets(line)) {
					String problem = check(doc, target);
					if (problem != null) {
						problems.add(doc.name + ":" + (i + 1) + ": link '" + target + "' " + problem);
					}
				}
			}
			assertThat(problems).withFailMessage("Broken relative links in %s:%n%s%nLink to files of the repository by their path "
					+ "relative to the document (e.g. [Spring MVC](mvc.md), [TodoMVC](../sample-todomvc/pom.xml)); "
					+ "anchors are GitHub's heading ids (lower case, punctuation removed, spaces as '-').", doc.name,
					String.join("\n", problems))
				.isEmpty();
		}));
	}

	private static List<String> targets(String line) {
		List<String> targets = new ArrayList<>();
		for (Pattern pattern : List.of(INLINE, REFERENCE, HTML)) {
			Matcher matcher = pattern.matcher(line);
			while (matcher.find()) {
				targets.add(matcher.group(1));
			}
		}
		return targets;
	}

	private static @Nullable String check(Markdown doc, String target) throws Exception {
		if (SCHEME.matcher(target).matches() || target.startsWith("//")) {
			return null;
		}
		String path = target;
		@Nullable String anchor = null;
		int hash = path.indexOf('#');
		if (hash >= 0) {
			anchor = path.substring(hash + 1);
			path = path.substring(0, hash);
		}
		int query = path.indexOf('?');
		if (query >= 0) {
			path = path.substring(0, query);
		}
		Path root = Markdown.repositoryRoot();
		Path file = path.isEmpty() ? doc.file
				: (path.startsWith("/") ? root.resolve(path.substring(1)) : doc.file.getParent().resolve(path)).normalize();
		if (!file.startsWith(root)) {
			return "points outside the repository";
		}
		if (!Files.exists(file)) {
			return "points at " + root.relativize(file) + ", which does not exist";
		}
		if (anchor != null && !anchor.isEmpty() && file.toString().endsWith(".md")
				&& !headingIds(Files.readAllLines(file)).contains(anchor)) {
			return "names the heading '#" + anchor + "', which " + root.relativize(file) + " does not have";
		}
		return null;
	}

	/** GitHub's ids of a Markdown file's headings. */
	static Set<String> headingIds(List<String> lines) {
		Set<String> ids = new HashSet<>();
		Map<String, Integer> seen = new HashMap<>();
		boolean inCode = false;
		for (String line : lines) {
			if (line.trim().startsWith("```")) {
				inCode = !inCode;
			}
			if (inCode || !line.startsWith("#")) {
				continue;
			}
			String text = line.replaceFirst("^#+\\s*", "").replaceAll("\\s+#+\\s*$", "");
			String id = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\s_-]", "").trim().replace(' ', '-');
			int count = seen.merge(id, 1, Integer::sum);
			ids.add((count == 1) ? id : id + "-" + (count - 1));
		}
		return ids;
	}

}
