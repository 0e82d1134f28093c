package io.github.datastarspring.thymeleaf;

import java.util.Map;

import io.github.datastarspring.DatastarAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration;
import org.springframework.security.web.csrf.DefaultCsrfToken;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ds:csrf}: Spring Security's token as a signal every action sends. */
class DatastarCsrfAttributeTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ThymeleafAutoConfiguration.class, DatastarAutoConfiguration.class,
				DatastarThymeleafAutoConfiguration.class));

	@Test
	void theTokenBecomesTheCsrfSignal() {
		this.runner.run((context) -> assertThat(render(context.getBean(ITemplateEngine.class), "thymeleaf-csrf",
				Map.of("_csrf", new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "a1-b2_c3"))))
			.isEqualTo("<body data-signals:csrf=\"&#39;a1-b2_c3&#39;\"></body>"));
	}

	@Test
	void theSignalCanBeNamed() {
		this.runner.run((context) -> assertThat(render(context.getBean(ITemplateEngine.class), "thymeleaf-csrf-named",
				Map.of("_csrf", new DefaultCsrfToken("h", "p", "t"))))
			.isEqualTo("<body data-signals:token=\"&#39;t&#39;\"></body>"));
	}

	@Test
	void quotesInATokenCannotEndTheExpression() {
		this.runner.run((context) -> assertThat(render(context.getBean(ITemplateEngine.class), "thymeleaf-csrf",
				Map.of("_csrf", new DefaultCsrfToken("h", "p", "a'\"<b"))))
			.isEqualTo("<body data-signals:csrf=\"&#39;a\\&#39;&quot;&lt;b&#39;\"></body>"));
	}

	@Test
	void withoutATokenNothingIsWritten() {
		this.runner.run((context) -> assertThat(render(context.getBean(ITemplateEngine.class), "thymeleaf-csrf",
				Map.of()))
			.isEqualTo("<body></body>"));
	}

	private static String render(ITemplateEngine engine, String template, Map<String, Object> variables) {
		return engine.process(template, new Context(null, variables)).strip();
	}

}
