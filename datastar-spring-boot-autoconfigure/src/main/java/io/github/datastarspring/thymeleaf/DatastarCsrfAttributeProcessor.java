package io.github.datastarspring.thymeleaf;

import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.element.AbstractAttributeTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.standard.StandardDialect;
import org.thymeleaf.templatemode.TemplateMode;
import org.unbescape.html.HtmlEscape;

import org.springframework.beans.BeanWrapperImpl;

/**
 * {@code <body ds:csrf>}: puts Spring Security's CSRF token (the {@code _csrf} request attribute)
 * into the signal {@code csrf} ({@code ds:csrf="name"} for another name), as
 * {@code data-signals:csrf="'<token>'"}. The client then sends it with every action and the
 * starter's CSRF handler reads it there: no per-action header in templates. Writes nothing when
 * there is no token (no Spring Security, or CSRF disabled).
 */
class DatastarCsrfAttributeProcessor extends AbstractAttributeTagProcessor {

	static final String ATTRIBUTE_NAME = "csrf";

	/** Where Spring Security exposes the current token to views. */
	private static final String TOKEN_ATTRIBUTE = "_csrf";

	DatastarCsrfAttributeProcessor(String dialectPrefix) {
		super(TemplateMode.HTML, dialectPrefix, null, false, ATTRIBUTE_NAME, true, StandardDialect.PROCESSOR_PRECEDENCE,
				true);
	}

	@Override
	protected void doProcess(ITemplateContext context, IProcessableElementTag tag, AttributeName attributeName,
			String attributeValue, IElementTagStructureHandler structureHandler) {
		Object csrfToken = context.getVariable(TOKEN_ATTRIBUTE);
		if (csrfToken == null) {
			return;
		}
		// Read by property so that this class does not need Spring Security to load.
		Object token = new BeanWrapperImpl(csrfToken).getPropertyValue("token");
		if (token == null) {
			return;
		}
		String signal = (attributeValue == null || attributeValue.isBlank()) ? "csrf" : attributeValue.trim();
		if (!signal.matches("[A-Za-z][A-Za-z0-9_]*")) {
			throw new IllegalArgumentException("ds:csrf names a signal: letters, digits and _ only, got '" + signal + "'");
		}
		String literal = "'" + token.toString().replace("\\", "\\\\").replace("'", "\\'") + "'";
		structureHandler.setAttribute("data-signals:" + signal, HtmlEscape.escapeHtml4Xml(literal));
	}

}
