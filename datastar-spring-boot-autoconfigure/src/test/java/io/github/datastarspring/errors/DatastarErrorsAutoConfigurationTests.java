package io.github.datastarspring.errors;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.github.datastarspring.DatastarAutoConfiguration;
import io.github.datastarspring.core.DatastarEventEncoder;
import io.github.datastarspring.core.DatastarEvents;
import io.github.datastarspring.thymeleaf.DatastarThymeleafAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** The error renderer: what {@code datastar.errors.*} changes, and backing off to the application's own. */
class DatastarErrorsAutoConfigurationTests {

	private static final DatastarError INVALID = new DatastarError(400, "'title' <must> be short", "title",
			new IllegalArgumentException());

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DatastarAutoConfiguration.class));

	@Test
	void byDefaultAnEscapedToastIsAppendedToTheBody() {
		this.runner.run((context) -> assertThat(render(context.getBean(DatastarErrorRenderer.class), INVALID))
			.startsWith("event: datastar-patch-elements\ndata: selector body\ndata: mode append\n"
					+ "data: elements <div class=\"datastar-error\" role=\"alert\" data-status=\"400\" "
					+ "data-on:click=\"el.remove()\" style=\"position:fixed;")
			.endsWith(">&#39;title&#39; &lt;must&gt; be short</div>\n\n"));
	}

	@Test
	void aSignalReceivesTheErrorInsteadOfAnElement() {
		this.runner.withPropertyValues("datastar.errors.signal=error")
			.run((context) -> assertThat(render(context.getBean(DatastarErrorRenderer.class), INVALID)).isEqualTo(
					"event: datastar-patch-signals\ndata: signals {\"error\":{\"status\":400,\"message\":\"'title' <must> be short\"}}\n\n"));
	}

	@Test
	void aTemplateIsRenderedIntoTheToastRegion() throws Exception {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ThymeleafAutoConfiguration.class, DatastarAutoConfiguration.class,
					DatastarThymeleafAutoConfiguration.class))
			.withPropertyValues(properties("errors-toast-region.properties"))
			.run((context) -> assertThat(render(context.getBean(DatastarErrorRenderer.class), INVALID)).isEqualTo(
					"event: datastar-patch-elements\ndata: selector #toasts\ndata: mode prepend\n"
							+ "data: elements <div class=\"toast\" role=\"alert\" data-status=\"400\"\n"
							+ "data: elements \tdata-on:click=\"el.remove()\">&#39;title&#39; &lt;must&gt; be short</div>\n\n"));
	}

	@Test
	void theConsoleMessageIsAddedWhenAskedFor() {
		this.runner.withPropertyValues("datastar.errors.console=true")
			.run((context) -> assertThat(render(context.getBean(DatastarErrorRenderer.class), INVALID))
				.contains("event: datastar-patch-elements\n")
				.contains("console.error(\"Datastar request failed (400): 'title' \\u003cmust> be short "
						+ "[java.lang.IllegalArgumentException]\")"));
	}

	@Test
	void backsOffToTheApplicationsRenderer() {
		this.runner.withUserConfiguration(SignalRendererConfiguration.class)
			.run((context) -> assertThat(render(context.getBean(DatastarErrorRenderer.class), INVALID))
				.isEqualTo("event: datastar-patch-signals\ndata: signals {\"error\":\"'title' <must> be short\"}\n\n"));
	}

	@Test
	void absentOutsideWebApplications() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DatastarAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(DatastarErrorRenderer.class)
				.doesNotHaveBean(DatastarErrorAnswers.class));
	}

	private static String render(DatastarErrorRenderer renderer, DatastarError error) {
		DatastarEventEncoder encoder = new DatastarEventEncoder();
		StringBuilder out = new StringBuilder();
		renderer.render(error).forEach((event) -> out.append(encoder.encodeToString(event)));
		return out.toString();
	}

	private static String[] properties(String name) throws Exception {
		Properties properties = new Properties();
		try (InputStream in = DatastarErrorsAutoConfigurationTests.class.getResourceAsStream("/" + name)) {
			properties.load(in);
		}
		return properties.entrySet().stream().map((e) -> e.getKey() + "=" + e.getValue()).toArray(String[]::new);
	}

	@Configuration(proxyBeanMethods = false)
	static class SignalRendererConfiguration {

		// tag::renderer[]
		@Bean
		DatastarErrorRenderer errorSignal() {
			return (error) -> List.of(DatastarEvents.patchSignals(Map.of("error", error.message())));
		}
		// end::renderer[]

	}

}
