package io.github.datastarspring.thymeleaf;

import java.util.Map;

import io.github.datastarspring.DatastarAutoConfiguration;
import io.github.datastarspring.core.TemplateRenderer;
import org.junit.jupiter.api.Test;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.SpringWebFluxTemplateEngine;
import org.thymeleaf.templateresolver.StringTemplateResolver;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

class DatastarThymeleafAutoConfigurationTests {

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(ThymeleafAutoConfiguration.class,
			DatastarAutoConfiguration.class, DatastarThymeleafAutoConfiguration.class);

	private final WebApplicationContextRunner servlet = new WebApplicationContextRunner()
		.withConfiguration(CONFIGURATIONS);

	private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
		.withConfiguration(CONFIGURATIONS);

	@Test
	void servletApplicationGetsTheWebMvcRendererTheDialectAndTheLinkBuilder() {
		this.servlet.run(context -> {
			assertThat(context).hasSingleBean(WebMvcThymeleafTemplateRenderer.class).hasSingleBean(DatastarDialect.class);
			SpringTemplateEngine engine = context.getBean(SpringTemplateEngine.class);
			assertThat(engine.getDialects()).hasAtLeastOneElementOfType(DatastarDialect.class);
			assertThat(engine.getLinkBuilders()).singleElement().isInstanceOf(ContextPathLinkBuilder.class);
		});
	}

	@Test
	void reactiveApplicationGetsThePlainRendererOverTheReactiveEngine() {
		this.reactive.run(context -> {
			assertThat(context.getBean(TemplateRenderer.class)).isExactlyInstanceOf(ThymeleafTemplateRenderer.class);
			assertThat(context).hasSingleBean(DatastarDialect.class);
			SpringWebFluxTemplateEngine engine = context.getBean(SpringWebFluxTemplateEngine.class);
			assertThat(engine.getDialects()).hasAtLeastOneElementOfType(DatastarDialect.class);
			assertThat(engine.getLinkBuilders()).singleElement().isInstanceOf(ContextPathLinkBuilder.class);
		});
	}

	@Test
	void reactiveApplicationWithoutServletClasses() {
		this.reactive.withClassLoader(new FilteredClassLoader("jakarta.servlet", "org.springframework.web.servlet"))
			.run(context -> assertThat(context.getBean(TemplateRenderer.class))
				.isExactlyInstanceOf(ThymeleafTemplateRenderer.class));
	}

	@Test
	void nonWebApplicationGetsNothing() {
		new ApplicationContextRunner().withConfiguration(CONFIGURATIONS).run(context -> {
			assertThat(context).hasSingleBean(ITemplateEngine.class);
			assertThat(context).doesNotHaveBean(TemplateRenderer.class).doesNotHaveBean(DatastarDialect.class);
		});
	}

	@Test
	void withoutThymeleafOnTheClasspathNothingIsConfigured() {
		this.servlet.withClassLoader(new FilteredClassLoader(ITemplateEngine.class))
			.run(context -> assertThat(context).doesNotHaveBean(TemplateRenderer.class)
				.doesNotHaveBean(DatastarDialect.class));
		this.reactive.withClassLoader(new FilteredClassLoader("org.thymeleaf"))
			.run(context -> assertThat(context).doesNotHaveBean(TemplateRenderer.class)
				.doesNotHaveBean(DatastarDialect.class));
	}

	@Test
	void withoutATemplateEngineBeanNothingIsConfigured() {
		new WebApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DatastarAutoConfiguration.class, DatastarThymeleafAutoConfiguration.class))
			.run(context -> assertThat(context).doesNotHaveBean(TemplateRenderer.class)
				.doesNotHaveBean(DatastarDialect.class));
	}

	@Test
	void backsOffFromAUserTemplateRenderer() {
		TemplateRenderer mine = (template, model) -> "<p id=\"mine\"></p>";
		this.servlet.withBean(TemplateRenderer.class, () -> mine)
			.run(context -> assertThat(context.getBean(TemplateRenderer.class)).isSameAs(mine));
		this.reactive.withBean(TemplateRenderer.class, () -> mine)
			.run(context -> assertThat(context.getBean(TemplateRenderer.class)).isSameAs(mine));
	}

	@Test
	void backsOffFromAUserDialect() {
		DatastarDialect mine = new DatastarDialect(
				new io.github.datastarspring.DatastarClientProperties("https://example.com/d.js", null));
		this.servlet.withBean(DatastarDialect.class, () -> mine)
			.run(context -> assertThat(context.getBean(DatastarDialect.class)).isSameAs(mine));
	}

	@Test
	void leavesACustomLinkBuilderAlone() {
		StandardLinkBuilder custom = new StandardLinkBuilder() {
		};
		this.servlet.withBean("templateEngine", SpringTemplateEngine.class, () -> {
			SpringTemplateEngine engine = new SpringTemplateEngine();
			engine.setTemplateResolver(new StringTemplateResolver());
			engine.setLinkBuilder(custom);
			return engine;
		}).run(context -> {
			assertThat(context.getBean(SpringTemplateEngine.class).getLinkBuilders()).containsExactly(custom);
			assertThat(context.getBean(TemplateRenderer.class).render("<b th:text=\"${x}\"></b>", Map.of("x", "<i>")))
				.isEqualTo("<b>&lt;i&gt;</b>");
		});
	}

}
