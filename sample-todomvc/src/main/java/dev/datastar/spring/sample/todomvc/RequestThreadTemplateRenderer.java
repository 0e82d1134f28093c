package dev.datastar.spring.sample.todomvc;

import java.util.Map;
import java.util.Set;

import dev.datastar.spring.core.TemplateRenderer;
import jakarta.servlet.ServletContext;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * STAND-IN until the starter's Thymeleaf {@code TemplateRenderer} lands on main: renders
 * "template :: fragment" on the current request thread only (every render of this sample happens
 * in a request).
 */
@Component
class RequestThreadTemplateRenderer implements TemplateRenderer {

	private final ITemplateEngine engine;

	private final ServletContext servletContext;

	RequestThreadTemplateRenderer(ITemplateEngine engine, ServletContext servletContext) {
		this.engine = engine;
		this.servletContext = servletContext;
	}

	@Override
	public String render(String template, Map<String, ?> model) {
		String[] parts = template.split("::", 2);
		ServletRequestAttributes request = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
		WebContext context = new WebContext(JakartaServletWebApplication.buildApplication(this.servletContext)
			.buildExchange(request.getRequest(), request.getResponse()), LocaleContextHolder.getLocale());
		context.setVariables(Map.copyOf(model));
		return this.engine.process(parts[0].trim(), Set.of(parts[1].trim()), context);
	}

}
