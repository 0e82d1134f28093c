package io.github.datastarspring.thymeleaf;

import java.util.Set;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.linkbuilder.ILinkBuilder;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Installs a {@link ContextPathLinkBuilder} in template engine beans that still use Thymeleaf's
 * default link builder, so that fragments rendered off the request thread can contain
 * {@code @{/...}} links. Engines with a custom link builder are left alone.
 */
class ContextPathLinkBuilderPostProcessor implements BeanPostProcessor {

	private static final Log logger = LogFactory.getLog(ContextPathLinkBuilderPostProcessor.class);

	private final Supplier<String> contextPath;

	ContextPathLinkBuilderPostProcessor(Supplier<String> contextPath) {
		this.contextPath = contextPath;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof TemplateEngine engine && usesOnlyTheStandardLinkBuilder(engine)) {
			if (engine.isInitialized()) {
				logger.warn("Template engine '" + beanName + "' is already initialized: links (@{/...}) in "
						+ "fragments rendered off the request thread will fail");
			}
			else {
				engine.setLinkBuilder(new ContextPathLinkBuilder(this.contextPath));
			}
		}
		return bean;
	}

	private static boolean usesOnlyTheStandardLinkBuilder(TemplateEngine engine) {
		Set<ILinkBuilder> linkBuilders = engine.getLinkBuilders();
		return linkBuilders.size() == 1 && linkBuilders.iterator().next().getClass() == StandardLinkBuilder.class;
	}

}
