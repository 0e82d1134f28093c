package io.github.datastarspring.benchmarks.encoding;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns JMH's JSON result ({@code -rf json}) into a Markdown table: time per event with its 99.9%
 * error, and bytes allocated per event from {@code -prof gc}. Usage: {@code JmhTable results.json}.
 */
public final class JmhTable {

	private JmhTable() {
	}

	public static void main(String[] args) throws Exception {
		JsonNode results = JsonMapper.shared().readTree(Files.readString(Path.of(args[0])));
		StringBuilder out = new StringBuilder();
		out.append("| benchmark | ns / event (± 99.9% error) | bytes allocated / event |\n|---|---:|---:|\n");
		for (JsonNode r : results) {
			String name = r.get("benchmark").asString();
			name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
			JsonNode primary = r.get("primaryMetric");
			JsonNode alloc = r.path("secondaryMetrics").path("gc.alloc.rate.norm");
			out.append(String.format(Locale.ROOT, "| %s | %,.0f ± %,.0f | %s |%n", name, primary.get("score").asDouble(),
					primary.get("scoreError").asDouble(),
					alloc.isMissingNode() ? "n/a" : String.format(Locale.ROOT, "%,.0f", alloc.get("score").asDouble())));
		}
		System.out.print(out);
	}

}
