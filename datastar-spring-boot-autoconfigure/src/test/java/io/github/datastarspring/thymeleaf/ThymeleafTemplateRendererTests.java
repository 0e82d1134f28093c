package io.github.datastarspring.thymeleaf;

import java.util.List;
import java.util.Map;

import io.github.datastarspring.DatastarAutoConfiguration;
import io.github.datastarspring.core.TemplateRenderer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** How a template specification is read. */
class ThymeleafTemplateRendererTests {

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ThymeleafAutoConfiguration.class, DatastarAutoConfiguration.class,
				DatastarThymeleafAutoConfiguration.class));

	@Test
	void fragmentByIdSelectorAndSpacesAroundTheSeparator() {
		this.runner.run(context -> {
			TemplateRenderer renderer = context.getBean(TemplateRenderer.class);
			Map<String, Object> model = Map.of("todos", List.of());
			assertThat(renderer.render("thymeleaf-fragments::#todos", model)).isEqualTo("<ul id=\"todos\">\n\n</ul>");
			assertThat(renderer.render("  thymeleaf-fragments  ::  list ", model))
				.isEqualTo("<ul id=\"todos\">\n\n</ul>");
		});
	}

	@Test
	void theSpecificationIsNeverEvaluated() {
		this.runner.run(context -> {
			TemplateRenderer renderer = context.getBean(TemplateRenderer.class);
			// As a view name, "~{t :: ${name}}" would evaluate ${name}; here it is a selector that matches nothing.
			assertThat(renderer.render("thymeleaf-fragments :: ${name}", Map.of("name", "list", "todos", List.of())))
				.doesNotContain("todos");
		});
	}

	@Test
	void incompleteSpecificationsAreRefused() {
		this.runner.run(context -> {
			TemplateRenderer renderer = context.getBean(TemplateRenderer.class);
			assertThatIllegalArgumentException().isThrownBy(() -> renderer.render("thymeleaf-fragments ::", Map.of()))
				.withMessageContaining("template :: fragment");
			assertThatIllegalArgumentException().isThrownBy(() -> renderer.render(":: list", Map.of()));
			assertThatIllegalArgumentException().isThrownBy(() -> renderer.render(" ", Map.of()));
		});
	}

}
