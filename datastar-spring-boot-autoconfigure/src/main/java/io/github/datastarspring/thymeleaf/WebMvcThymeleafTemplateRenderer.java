package io.github.datastarspring.thymeleaf;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.IContext;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.context.webmvc.SpringWebMvcThymeleafRequestContext;
import org.thymeleaf.spring6.naming.SpringContextVariableNames;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import org.springframework.context.ApplicationContext;
import org.springframework.core.convert.ConversionService;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.RequestContext;
import org.springframework.web.servlet.view.AbstractTemplateView;

/**
 * The Spring MVC {@link ThymeleafTemplateRenderer}: on a request thread it renders with the same
 * web context a {@code ThymeleafView} would build (links through the request's context path and
 * {@code encodeURL}, {@code #request}, {@code th:field}); on any other thread it falls back to
 * the plain context of its superclass.
 */
public class WebMvcThymeleafTemplateRenderer extends ThymeleafTemplateRenderer {

	public WebMvcThymeleafTemplateRenderer(ITemplateEngine engine, ApplicationContext applicationContext,
			@Nullable ConversionService conversionService) {
		super(engine, applicationContext, conversionService);
	}

	@Override
	protected IContext createContext(Locale locale, Map<String, Object> variables) {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (!(attributes instanceof ServletRequestAttributes servletAttributes)
				|| servletAttributes.getResponse() == null) {
			return super.createContext(locale, variables);
		}
		HttpServletRequest request = servletAttributes.getRequest();
		HttpServletResponse response = servletAttributes.getResponse();
		RequestContext requestContext = new RequestContext(request, response, request.getServletContext(),
				variables);
		variables.putIfAbsent(SpringContextVariableNames.SPRING_REQUEST_CONTEXT, requestContext);
		variables.putIfAbsent(AbstractTemplateView.SPRING_MACRO_REQUEST_CONTEXT_ATTRIBUTE, requestContext);
		variables.put(SpringContextVariableNames.THYMELEAF_REQUEST_CONTEXT,
				new SpringWebMvcThymeleafRequestContext(requestContext, request));
		ConversionService requestConversionService = (ConversionService) request
			.getAttribute(ConversionService.class.getName());
		exposeEvaluationContext(variables,
				(requestConversionService != null) ? requestConversionService : getConversionService());
		JakartaServletWebApplication application = JakartaServletWebApplication
			.buildApplication(request.getServletContext());
		return new WebContext(application.buildExchange(request, response), locale, variables);
	}

}
