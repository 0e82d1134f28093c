package io.github.datastarspring.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * The official SDK conformance cases, read at test time from {@code ../shared/datastar-sdk-tests}
 * beside the repository (never copied into it).
 */
public final class ConformanceCases {

	/** One case: the HTTP method (GET or POST), its name, the input JSON and the expected stream. */
	public record Case(String method, String name, String input, String expected) {

		@Override
		public String toString() {
			return this.method + " " + this.name;
		}

	}

	private ConformanceCases() {
	}

	/** The folder of the cases, or {@code null} when it is not beside this repository. */
	public static Path folder() {
		String root = System.getProperty("datastar.repo.root");
		Path start = (root != null && !root.isEmpty()) ? Path.of(root) : Path.of("").toAbsolutePath();
		for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
			Path candidate = p.resolveSibling("shared").resolve("datastar-sdk-tests");
			if (Files.isDirectory(candidate)) {
				return candidate;
			}
		}
		return null;
	}

	/** All cases; the calling test is skipped, visibly, when the folder is absent. */
	public static List<Case> all() {
		Path folder = folder();
		Assumptions.assumeTrue(folder != null,
				"SKIPPED: ../shared/datastar-sdk-tests not found beside the repository; conformance cases not run");
		List<Case> cases = new ArrayList<>();
		for (String method : List.of("get", "post")) {
			Path dir = folder.resolve(method);
			if (!Files.isDirectory(dir)) {
				continue;
			}
			try (Stream<Path> entries = Files.list(dir)) {
				for (Path c : entries.sorted().toList()) {
					Path in = c.resolve("input.json");
					Path out = c.resolve("output.txt");
					if (Files.isRegularFile(in) && Files.isRegularFile(out)) {
						cases.add(new Case(method.toUpperCase(), c.getFileName().toString(),
								Files.readString(in, StandardCharsets.UTF_8), Files.readString(out, StandardCharsets.UTF_8)));
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return cases;
	}

}
