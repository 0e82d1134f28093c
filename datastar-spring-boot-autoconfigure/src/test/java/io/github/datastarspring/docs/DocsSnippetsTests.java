package io.github.datastarspring.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Java, Kotlin, HTML, properties and YAML block in README.md and docs/ is the text of a tagged
 * region of a compiled and tested source file, or of a real template or configuration file, so the
 * docs cannot drift from code that works. The convention is in each failure message.
 */
class DocsSnippetsTests {

	static final Set<String> CHECKED = Set.of("java", "kotlin", "html", "properties", "yaml", "yml");

	private static final Pattern MARKER = Pattern.compile("<!--\\s*snippet:\\s*(\\S+?)#(\\S+?)\\s*-->");

	private static final String HOW = """
			How to fix: put the code in a file that the build compiles and a test runs (for example a class in \
			datastar-spring-boot-autoconfigure/src/test/java/io/github/datastarspring/docs/), or a real \
			template/config under src/main/resources or src/test/resources; surround it with \
			'// tag::NAME[]' and '// end::NAME[]' ('<!-- tag::NAME[] -->' / '<!-- end::NAME[] -->' in HTML, or \
			'<!--/* tag::NAME[] */-->' in Thymeleaf templates so the marker stays out of the page, \
			'# tag::NAME[]' / '# end::NAME[]' in properties and YAML); then write the line \
			'<!-- snippet: <repository-relative path>#NAME -->' right before the block. \
			The block must equal the region after removing common indentation (a tab counts as 4 spaces).""";

	@TestFactory
	Stream<DynamicTest> everyCodeBlockIsATaggedRegionOfTestedCode() {
		return Markdown.all().stream().map((doc) -> DynamicTest.dynamicTest(doc.name, () -> {
			List<String> problems = new ArrayList<>();
			for (Markdown.CodeBlock block : doc.codeBlocks()) {
				if (CHECKED.contains(block.language())) {
					String problem = check(block);
					if (problem != null) {
						problems.add(doc.name + ":" + block.line() + ": " + problem);
					}
				}
			}
			assertThat(problems).withFailMessage("Code blocks in %s that are not taken from tested code:%n%s%n%n%s", doc.name,
					String.join("\n\n", problems), HOW).isEmpty();
		}));
	}

	private static @Nullable String check(Markdown.CodeBlock block) throws IOException {
		String before = block.lineBefore();
		Matcher marker = MARKER.matcher((before != null) ? before : "");
		if (!marker.matches()) {
			return "the ```" + block.language() + " block has no '<!-- snippet: path#tag -->' line before it.";
		}
		String path = marker.group(1);
		String tag = marker.group(2);
		Path root = Markdown.repositoryRoot();
		Path source = root.resolve(path).normalize();
		if (!source.startsWith(root) || !Files.isRegularFile(source)) {
			return "the snippet marker names '" + path + "', which is not a file of the repository.";
		}
		if (!path.contains("/src/main/") && !path.contains("/src/test/")) {
			return "the snippet marker names '" + path + "', which is not under a module's src/main or src/test,"
					+ " so nothing compiles or tests it.";
		}
		List<String> region = TaggedRegions.region(Files.readAllLines(source), tag);
		if (region == null) {
			return "'" + path + "' has no region '" + tag + "' (a line '// tag::" + tag + "[]', '<!-- tag::" + tag
					+ "[] -->' or '# tag::" + tag + "[]', and its matching end::" + tag + "[] line).";
		}
		List<String> expected = TaggedRegions.normalise(region);
		List<String> actual = TaggedRegions.normalise(block.body());
		if (expected.equals(actual)) {
			return null;
		}
		int at = 0;
		while (at < expected.size() && at < actual.size() && expected.get(at).equals(actual.get(at))) {
			at++;
		}
		String docsLine = (at < actual.size()) ? actual.get(at) : "(end of block)";
		String sourceLine = (at < expected.size()) ? expected.get(at) : "(end of region)";
		return "the block differs from " + path + "#" + tag + " at its line " + (at + 1) + ":\n    docs:   " + docsLine
				+ "\n    source: " + sourceLine + "\n  Replace the block's text with the region (or change the source):\n"
				+ "    " + String.join("\n    ", expected);
	}

}
