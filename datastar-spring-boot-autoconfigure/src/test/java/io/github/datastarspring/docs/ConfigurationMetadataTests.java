package io.github.datastarspring.docs;

import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata the build generates (what IDEs complete and document) lists every
 * {@code datastar.*} property with a clean description and its default, and docs/configuration.md
 * documents exactly those properties. The metadata is read as generated, so properties added
 * anywhere in the starter are covered.
 */
class ConfigurationMetadataTests {

	private static final Pattern UNSET_DESCRIBED = Pattern
		.compile("(?i)\\b(unset|not set|none|empty|no default|defaults? to)\\b");

	private static final Pattern DOCUMENTED = Pattern.compile("`(datastar\\.[a-z0-9.-]+)`");

	private static final Map<String, JsonNode> properties = new TreeMap<>();

	@BeforeAll
	static void readGeneratedMetadata() throws Exception {
		JsonMapper mapper = JsonMapper.builder().build();
		for (URL url : Collections.list(ConfigurationMetadataTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = url.openStream()) {
				for (JsonNode property : mapper.readTree(in).path("properties")) {
					String name = property.path("name").asString();
					if (name.startsWith("datastar.")) {
						properties.put(name, property);
					}
				}
			}
		}
	}

	@Test
	void theMetadataIsGenerated() {
		assertThat(properties).withFailMessage("No datastar.* property in any META-INF/spring-configuration-metadata.json: "
				+ "is spring-boot-configuration-processor in the compiler's annotationProcessorPaths?")
			.isNotEmpty();
	}

	@Test
	void everyPropertyHasACleanDescription() {
		List<String> problems = new ArrayList<>();
		properties.forEach((name, property) -> {
			String description = property.path("description").asString("");
			if (description.isBlank()) {
				problems.add(name + ": no description. Write a Javadoc comment on its field, or an @param tag "
						+ "for a record component, in the @ConfigurationProperties class.");
			}
			else if (description.contains("{@") || description.contains("<code>")) {
				problems.add(name + ": the description shows Javadoc markup as text (" + description
						+ "). The metadata copies the Javadoc verbatim: write 'quotes' instead of {@code ...} there.");
			}
		});
		assertThat(problems).withFailMessage("Configuration metadata descriptions to fix:%n%s", String.join("\n", problems))
			.isEmpty();
	}

	@Test
	void everyPropertyHasADefaultOrSaysWhatUnsetMeans() {
		List<String> problems = new ArrayList<>();
		properties.forEach((name, property) -> {
			if (!property.has("defaultValue")
					&& !UNSET_DESCRIBED.matcher(property.path("description").asString("")).find()) {
				problems.add(name + ": no default value in the metadata, and the description does not say what "
						+ "happens when it is unset. Give it a default (@DefaultValue on a record component, or a "
						+ "field initializer), or say so in its description ('unset means ...').");
			}
		});
		assertThat(problems).withFailMessage("Properties without a documented default:%n%s", String.join("\n", problems))
			.isEmpty();
	}

	@Test
	void theConfigurationReferenceDocumentsExactlyTheseProperties() throws Exception {
		String reference = Files.readString(Markdown.repositoryRoot().resolve("docs/configuration.md"));
		TreeSet<String> documented = new TreeSet<>();
		Matcher matcher = DOCUMENTED.matcher(reference);
		while (matcher.find()) {
			documented.add(matcher.group(1));
		}
		TreeSet<String> undocumented = new TreeSet<>(properties.keySet());
		undocumented.removeAll(documented);
		TreeSet<String> unknown = new TreeSet<>(documented);
		unknown.removeAll(properties.keySet());
		assertThat(undocumented).withFailMessage(
				"docs/configuration.md does not mention these properties (add a table row `%s` | default | meaning): %s",
				"datastar.x.y", undocumented)
			.isEmpty();
		assertThat(unknown).withFailMessage(
				"docs/configuration.md names properties that the metadata does not have (renamed or removed?): %s",
				unknown)
			.isEmpty();
	}

}
