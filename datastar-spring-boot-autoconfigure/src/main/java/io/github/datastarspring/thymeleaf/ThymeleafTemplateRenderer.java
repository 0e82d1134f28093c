package io.github.datastarspring.thymeleaf;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.datastarspring.core.TemplateRenderer;
import org.jspecify.annotations.Nullable;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.IContext;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

import org.springframework.context.ApplicationContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.convert.ConversionService;
import org.springframework.util.Assert;

/**
 * A {@link TemplateRenderer} over the application's Thymeleaf engine: {@code "todos :: list"}
 * renders the {@code list} fragment (any markup selector, e.g. {@code "todos :: #list"}) of
 * template {@code todos}, {@code "todos"} the whole template. Works on any thread: messages use
 * {@link LocaleContextHolder}'s locale, {@code ${@bean}} references resolve against the
 * application context and, with {@link ContextPathLinkBuilder} installed, {@code @{/x}} links get
 * the configured context path.
 *
 * <p>The specification is split on {@code ::} and never evaluated as an expression, so a value
 * concatenated into it cannot run code; pass fragment parameters in the model instead.
 */
public class ThymeleafTemplateRenderer implements TemplateRenderer {

	private static final String SEPARATOR = "::";

	private final ITemplateEngine engine;

	private final ApplicationContext applicationContext;

	@Nullable
	private final ConversionService conversionService;

	public ThymeleafTemplateRenderer(ITemplateEngine engine, ApplicationContext applicationContext,
			@Nullable ConversionService conversionService) {
		this.engine = engine;
		this.applicationContext = applicationContext;
		this.conversionService = conversionService;
	}

	/** Renders with the locale of {@link LocaleContextHolder} (the request's on an MVC request thread). */
	@Override
	public String render(String template, Map<String, ?> model) {
		return render(template, model, LocaleContextHolder.getLocale());
	}

	/**
	 * Renders with the given locale for {@code #{...}} messages, e.g. a WebFlux exchange's
	 * {@code getLocaleContext().getLocale()}.
	 */
	public String render(String template, Map<String, ?> model, Locale locale) {
		Assert.hasText(template, "Template must not be empty");
		int separator = template.indexOf(SEPARATOR);
		String name = (separator < 0) ? template.strip() : template.substring(0, separator).strip();
		Set<String> selectors = null;
		if (separator >= 0) {
			String selector = template.substring(separator + SEPARATOR.length()).strip();
			Assert.isTrue(!name.isEmpty() && !selector.isEmpty(),
					() -> "Expected \"template :: fragment\" but got \"" + template + "\"");
			selectors = Set.of(selector);
		}
		Map<String, Object> variables = (model != null) ? new HashMap<>(model) : new HashMap<>();
		IContext context = createContext(locale, variables);
		return this.engine.process(name, selectors, context);
	}

	/**
	 * The context to render with; the default is a plain (non-web) context that also exposes
	 * the application's beans to {@code ${@name}} expressions.
	 * @param locale the locale of the current thread
	 * @param variables the model, mutable
	 */
	protected IContext createContext(Locale locale, Map<String, Object> variables) {
		exposeEvaluationContext(variables, this.conversionService);
		return new Context(locale, variables);
	}

	/** Adds Thymeleaf-Spring's SpEL evaluation context (bean references, conversions). */
	protected final void exposeEvaluationContext(Map<String, Object> variables,
			@Nullable ConversionService conversionService) {
		// Evaluation contexts are not thread-safe: one per rendering, as ThymeleafView does.
		variables.put(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				new ThymeleafEvaluationContext(this.applicationContext, conversionService));
	}

	protected final ITemplateEngine getEngine() {
		return this.engine;
	}

	@Nullable
	protected final ConversionService getConversionService() {
		return this.conversionService;
	}

}
