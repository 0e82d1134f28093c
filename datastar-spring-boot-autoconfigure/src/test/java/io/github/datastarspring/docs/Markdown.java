package io.github.datastarspring.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * The project's Markdown documents, read the way the docs tests need them: fenced code blocks with
 * the line before them, and the prose outside code.
 */
final class Markdown {

	private static final Pattern FENCE = Pattern.compile("^(\\s*)(```+|~~~+)\\s*([^\\s`]*).*$");

	final Path file;

	final String name;

	final List<String> lines;

	private Markdown(Path root, Path file) {
		this.file = file;
		this.name = root.relativize(file).toString();
		try {
			this.lines = Files.readAllLines(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The repository root, which the build passes to the tests. */
	static Path repositoryRoot() {
		String root = System.getProperty("datastar.repo.root");
		Path path = (root != null) ? Path.of(root) : Path.of("..");
		return path.toAbsolutePath().normalize();
	}

	/** README.md, CHANGELOG.md and every Markdown file under docs/. */
	static List<Markdown> all() {
		Path root = repositoryRoot();
		List<Markdown> documents = new ArrayList<>();
		for (String top : List.of("README.md", "CHANGELOG.md")) {
			if (Files.isRegularFile(root.resolve(top))) {
				documents.add(new Markdown(root, root.resolve(top)));
			}
		}
		try (Stream<Path> docs = Files.walk(root.resolve("docs"))) {
			docs.filter((path) -> path.toString().endsWith(".md"))
				.sorted()
				.forEach((path) -> documents.add(new Markdown(root, path)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return documents;
	}

	/** Fenced code blocks, in order. */
	List<CodeBlock> codeBlocks() {
		List<CodeBlock> blocks = new ArrayList<>();
		int i = 0;
		while (i < this.lines.size()) {
			Matcher open = FENCE.matcher(this.lines.get(i));
			if (!open.matches()) {
				i++;
				continue;
			}
			String fence = open.group(2);
			String language = open.group(3).toLowerCase();
			int start = i;
			List<String> body = new ArrayList<>();
			i++;
			while (i < this.lines.size() && !this.lines.get(i).trim().startsWith(fence)) {
				body.add(this.lines.get(i));
				i++;
			}
			@Nullable String before = null;
			for (int j = start - 1; j >= 0; j--) {
				if (!this.lines.get(j).isBlank()) {
					before = this.lines.get(j).trim();
					break;
				}
			}
			blocks.add(new CodeBlock(start + 1, language, body, before));
			i++;
		}
		return blocks;
	}

	/** The lines outside fenced code blocks, with inline code spans blanked out; null for code lines. */
	List<@Nullable String> prose() {
		List<@Nullable String> prose = new ArrayList<>();
		boolean inCode = false;
		String fence = "```";
		for (String line : this.lines) {
			Matcher open = FENCE.matcher(line);
			if (!inCode && open.matches()) {
				inCode = true;
				fence = open.group(2);
				prose.add(null);
			}
			else if (inCode) {
				if (line.trim().startsWith(fence)) {
					inCode = false;
				}
				prose.add(null);
			}
			else {
				prose.add(line.replaceAll("`[^`]*`", "``"));
			}
		}
		return prose;
	}

	/**
	 * A fenced code block.
	 *
	 * @param line line number of the opening fence (1-based)
	 * @param language the info string's first word, lower case
	 * @param body the lines between the fences
	 * @param lineBefore the last non-blank line before the fence, trimmed, or null
	 */
	record CodeBlock(int line, String language, List<String> body, @Nullable String lineBefore) {

	}

}
