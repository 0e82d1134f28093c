package io.github.datastarspring.thymeleaf;

import io.github.datastarspring.DatastarClientProperties;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.linkbuilder.ILinkBuilder;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.element.AbstractAttributeTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.standard.StandardDialect;
import org.thymeleaf.templatemode.TemplateMode;
import org.unbescape.html.HtmlEscape;

/**
 * {@code <script ds:client></script>}: sets {@code type="module"}, {@code src} and, when known,
 * {@code integrity} with {@code crossorigin="anonymous"}. A URL starting with a single {@code /}
 * is context-relative and goes through the link builders, like {@code @{/datastar.js}}.
 */
class DatastarClientScriptTagProcessor extends AbstractAttributeTagProcessor {

	static final String ATTRIBUTE_NAME = "client";

	private final DatastarClientProperties client;

	DatastarClientScriptTagProcessor(String dialectPrefix, DatastarClientProperties client) {
		super(TemplateMode.HTML, dialectPrefix, "script", false, ATTRIBUTE_NAME, true,
				StandardDialect.PROCESSOR_PRECEDENCE, true);
		this.client = client;
	}

	@Override
	protected void doProcess(ITemplateContext context, IProcessableElementTag tag, AttributeName attributeName,
			String attributeValue, IElementTagStructureHandler structureHandler) {
		structureHandler.setAttribute("type", "module");
		structureHandler.setAttribute("src", HtmlEscape.escapeHtml4Xml(link(context, this.client.url())));
		String integrity = this.client.effectiveIntegrity();
		if (integrity != null) {
			structureHandler.setAttribute("integrity", HtmlEscape.escapeHtml4Xml(integrity));
			structureHandler.setAttribute("crossorigin", "anonymous");
		}
	}

	private static String link(ITemplateContext context, String url) {
		if (!url.startsWith("/") || url.startsWith("//")) {
			return url;
		}
		for (ILinkBuilder linkBuilder : context.getConfiguration().getLinkBuilders()) {
			String link = linkBuilder.buildLink(context, url, null);
			if (link != null) {
				return link;
			}
		}
		return url;
	}

}
