package io.github.datastarspring.thymeleaf;

import io.github.datastarspring.DatastarAutoConfiguration;
import io.github.datastarspring.DatastarClientProperties;
import org.junit.jupiter.api.Test;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code <script ds:client></script>} rendered by the application's own engine. */
class DatastarDialectTests {

	// The browser tests' DATASTAR_CLIENT_URL variable would bind to datastar.client.url.
	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withInitializer((context) -> context.getEnvironment()
			.getPropertySources()
			.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME))
		.withConfiguration(AutoConfigurations.of(ThymeleafAutoConfiguration.class, DatastarAutoConfiguration.class,
				DatastarThymeleafAutoConfiguration.class));

	@Test
	void defaultClientWithItsIntegrity() {
		this.runner.run(context -> assertThat(render(context.getBean(ITemplateEngine.class)))
			.isEqualTo("<script type=\"module\" src=\"" + DatastarClientProperties.DEFAULT_URL + "\" integrity=\""
					+ DatastarClientProperties.DEFAULT_INTEGRITY + "\" crossorigin=\"anonymous\"></script>"));
	}

	@Test
	void overriddenUrlWithoutIntegrity() {
		this.runner.withPropertyValues("datastar.client.url=https://example.com/datastar.js?v=1&x=2")
			.run(context -> assertThat(render(context.getBean(ITemplateEngine.class)))
				.isEqualTo("<script type=\"module\" src=\"https://example.com/datastar.js?v=1&amp;x=2\"></script>"));
	}

	@Test
	void overriddenUrlWithIntegrity() {
		this.runner
			.withPropertyValues("datastar.client.url=https://example.com/datastar.js",
					"datastar.client.integrity=sha384-abc")
			.run(context -> assertThat(render(context.getBean(ITemplateEngine.class)))
				.isEqualTo("<script type=\"module\" src=\"https://example.com/datastar.js\" integrity=\"sha384-abc\" "
						+ "crossorigin=\"anonymous\"></script>"));
	}

	@Test
	void namespaceDeclarationIsRemovedLikeThymeleafs() {
		this.runner.withPropertyValues("datastar.client.url=https://example.com/datastar.js")
			.run(context -> assertThat(
					context.getBean(ITemplateEngine.class).process("thymeleaf-client-page", new Context()))
				.contains("<html>")
				.contains("<head><script type=\"module\" src=\"https://example.com/datastar.js\"></script></head>"));
	}

	private static String render(ITemplateEngine engine) {
		return engine.process("thymeleaf-client", new Context()).strip();
	}

}
