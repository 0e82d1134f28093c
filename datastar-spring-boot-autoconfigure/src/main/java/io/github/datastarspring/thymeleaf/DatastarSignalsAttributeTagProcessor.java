package io.github.datastarspring.thymeleaf;

import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.element.AbstractAttributeTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.standard.StandardDialect;
import org.thymeleaf.standard.expression.StandardExpressions;
import org.thymeleaf.templatemode.TemplateMode;
import org.unbescape.html.HtmlEscape;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ds:signals="${form}"}: writes the value of the expression as the element's
 * {@code data-signals}, serialised with the application's {@code JsonMapper}. The client evaluates
 * that attribute as a JavaScript expression and rewrites {@code @action(} everywhere in it, even
 * inside strings; so every character of the JSON's strings that the client could act on
 * ({@code @}, {@code $}, non-ASCII) is written as a {@code \\uXXXX} escape, which JSON and
 * JavaScript both read back as the same text, and the whole is escaped for an HTML attribute. A
 * {@code null} value writes no attribute.
 */
class DatastarSignalsAttributeTagProcessor extends AbstractAttributeTagProcessor {

	static final String ATTRIBUTE_NAME = "signals";

	private final ObjectWriter writer;

	DatastarSignalsAttributeTagProcessor(String dialectPrefix, JsonMapper jsonMapper) {
		super(TemplateMode.HTML, dialectPrefix, null, false, ATTRIBUTE_NAME, true, StandardDialect.PROCESSOR_PRECEDENCE,
				false);
		this.writer = jsonMapper.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII);
	}

	@Override
	protected void doProcess(ITemplateContext context, IProcessableElementTag tag, AttributeName attributeName,
			String attributeValue, IElementTagStructureHandler structureHandler) {
		Object value = StandardExpressions.getExpressionParser(context.getConfiguration())
			.parseExpression(context, attributeValue)
			.execute(context);
		if (value == null) {
			structureHandler.removeAttribute(attributeName);
			return;
		}
		// In place: the client applies attributes in document order, and later ones may read these signals.
		structureHandler.replaceAttribute(attributeName, "data-signals", HtmlEscape.escapeHtml4Xml(json(value)));
	}

	String json(Object value) {
		String json = this.writer.writeValueAsString(value);
		// Outside strings JSON has neither character, so replacing them everywhere only touches strings.
		return json.replace("@", "\\u0040").replace("$", "\\u0024");
	}

}
