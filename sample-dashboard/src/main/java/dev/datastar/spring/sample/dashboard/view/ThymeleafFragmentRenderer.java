package dev.datastar.spring.sample.dashboard.view;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.datastar.spring.core.TemplateRenderer;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders {@code "template :: fragment"} with the application's Thymeleaf engine, outside any
 * request, so the metrics thread can render alerts once for every page.
 *
 * <p>Stand-in until the starter's Thymeleaf support provides its {@link TemplateRenderer} bean.
 */
public class ThymeleafFragmentRenderer implements TemplateRenderer {

	private final ITemplateEngine engine;

	public ThymeleafFragmentRenderer(ITemplateEngine engine) {
		this.engine = engine;
	}

	@Override
	public String render(String template, Map<String, ?> model) {
		int separator = template.indexOf("::");
		String name = (separator < 0) ? template.trim() : template.substring(0, separator).trim();
		Set<String> fragments = (separator < 0) ? null : Set.of(template.substring(separator + 2).trim());
		Context context = new Context(Locale.ROOT);
		model.forEach(context::setVariable);
		return this.engine.process(name, fragments, context);
	}

}
