package io.github.datastarspring.thymeleaf;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.StringTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ContextPathLinkBuilderTests {

	private static final String TEMPLATE = "<a th:href=\"@{/todos/{id}(id=${id},sort=${sort})}\">x</a>";

	@Test
	void thymeleafAloneRefusesContextRelativeLinksWithoutAWebContext() {
		SpringTemplateEngine engine = engine();
		assertThatExceptionOfType(TemplateProcessingException.class)
			.isThrownBy(() -> engine.process(TEMPLATE, new Context(null, Map.of("id", 1, "sort", "a b"))));
	}

	@Test
	void withoutAWebContextLinksGetTheConfiguredContextPath() {
		SpringTemplateEngine engine = engine();
		engine.setLinkBuilder(new ContextPathLinkBuilder(() -> "/app/"));
		assertThat(engine.process(TEMPLATE, new Context(null, Map.of("id", 1, "sort", "a b"))))
			.isEqualTo("<a href=\"/app/todos/1?sort=a%20b\">x</a>");
	}

	@Test
	void withAWebContextTheRequestDecidesAsBefore() {
		SpringTemplateEngine engine = engine();
		engine.setLinkBuilder(new ContextPathLinkBuilder(() -> "/configured"));
		MockServletContext servletContext = new MockServletContext();
		MockHttpServletRequest request = new MockHttpServletRequest(servletContext);
		request.setContextPath("/from-request");
		MockHttpServletResponse response = new MockHttpServletResponse();
		WebContext context = new WebContext(
				JakartaServletWebApplication.buildApplication(servletContext).buildExchange(request, response), null,
				Map.of("id", 1, "sort", "a"));
		assertThat(engine.process(TEMPLATE, context)).isEqualTo("<a href=\"/from-request/todos/1?sort=a\">x</a>");
	}

	@Test
	void contextPathsAreNormalised() {
		assertThat(ContextPathLinkBuilder.normalize(null)).isEmpty();
		assertThat(ContextPathLinkBuilder.normalize("")).isEmpty();
		assertThat(ContextPathLinkBuilder.normalize("/")).isEmpty();
		assertThat(ContextPathLinkBuilder.normalize("app")).isEqualTo("/app");
		assertThat(ContextPathLinkBuilder.normalize("/app/")).isEqualTo("/app");
		assertThat(ContextPathLinkBuilder.normalize("/a/b")).isEqualTo("/a/b");
	}

	private static SpringTemplateEngine engine() {
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(new StringTemplateResolver());
		return engine;
	}

}
