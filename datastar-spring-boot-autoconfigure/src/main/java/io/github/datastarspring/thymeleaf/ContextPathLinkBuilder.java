package io.github.datastarspring.thymeleaf;

import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.thymeleaf.context.Contexts;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;


/**
 * Thymeleaf's {@link StandardLinkBuilder}, but context-relative links ({@code @{/todos/1}}) also
 * work without a web context, as when a fragment is rendered off the request thread: they get the
 * application's configured context path instead of failing. Rendering with a web context is
 * unchanged.
 */
public class ContextPathLinkBuilder extends StandardLinkBuilder {

	private final Supplier<String> contextPath;

	/**
	 * @param contextPath the context path for non-web contexts, read on each link (may give
	 * {@code null}, {@code ""}, {@code "/"} or a path with or without slashes around it)
	 */
	public ContextPathLinkBuilder(Supplier<String> contextPath) {
		this.contextPath = contextPath;
	}

	@Override
	protected String computeContextPath(IExpressionContext context, String base, Map<String, Object> parameters) {
		if (Contexts.isWebContext(context)) {
			return super.computeContextPath(context, base, parameters);
		}
		return normalize(this.contextPath.get());
	}

	/** {@code ""} for the root, otherwise {@code "/path"} without a trailing slash. */
	static String normalize(@Nullable String path) {
		if (path == null) {
			return "";
		}
		String trimmed = path.strip();
		while (trimmed.endsWith("/")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		if (trimmed.isEmpty()) {
			return "";
		}
		return trimmed.startsWith("/") ? trimmed : "/" + trimmed;
	}

}
