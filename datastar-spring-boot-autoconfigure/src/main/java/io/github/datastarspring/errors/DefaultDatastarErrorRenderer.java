package io.github.datastarspring.errors;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.github.datastarspring.DatastarErrorsProperties;
import io.github.datastarspring.core.DatastarEvent;
import io.github.datastarspring.core.DatastarEvents;
import io.github.datastarspring.core.TemplateRenderer;
import org.jspecify.annotations.Nullable;

import org.springframework.web.util.HtmlUtils;

/**
 * The {@link DatastarErrorRenderer} configured by {@code datastar.errors.*}: a signal
 * ({@code signal}), a rendered template ({@code template}) or a built-in toast, patched into
 * {@code selector} with {@code mode}; plus a {@code console.error} when {@code console} is on.
 */
public final class DefaultDatastarErrorRenderer implements DatastarErrorRenderer {

	/** Fixed in a corner, above the page, so that the default is seen without any CSS. */
	private static final String TOAST_STYLE = "position:fixed;top:1rem;right:1rem;z-index:2147483647;"
			+ "max-width:28rem;padding:.75rem 1rem;border-radius:.5rem;background:#b91c1c;color:#fff;"
			+ "font:14px/1.4 system-ui,sans-serif;box-shadow:0 4px 12px rgba(0,0,0,.25);cursor:pointer";

	private final DatastarErrorsProperties properties;

	private final boolean console;

	private final Supplier<@Nullable TemplateRenderer> templates;

	public DefaultDatastarErrorRenderer(DatastarErrorsProperties properties, boolean console,
			Supplier<@Nullable TemplateRenderer> templates) {
		this.properties = properties;
		this.console = console;
		this.templates = templates;
	}

	@Override
	public List<DatastarEvent> render(DatastarError error) {
		List<DatastarEvent> events = new ArrayList<>(2);
		events.add(show(error));
		if (this.console) {
			events.add(DatastarEvents.consoleError("Datastar request failed (" + error.status() + "): "
					+ error.message() + " [" + error.exception().getClass().getName() + "]"));
		}
		return events;
	}

	private DatastarEvent show(DatastarError error) {
		if (this.properties.signal() != null) {
			Map<String, Object> value = new LinkedHashMap<>();
			value.put("status", error.status());
			value.put("message", error.message());
			return DatastarEvents.patchSignals(Map.of(this.properties.signal(), value));
		}
		String html;
		TemplateRenderer templates = (this.properties.template() != null) ? this.templates.get() : null;
		if (templates != null) {
			html = templates.render(this.properties.template(), Map.of("error", error));
		}
		else {
			boolean corner = "body".equals(this.properties.selector());
			html = "<div class=\"datastar-error\" role=\"alert\" data-status=\"" + error.status()
					+ "\" data-on:click=\"el.remove()\"" + (corner ? " style=\"" + TOAST_STYLE + "\"" : "") + ">"
					+ HtmlUtils.htmlEscape(error.message(), "UTF-8") + "</div>";
		}
		return DatastarEvents.patchElements(html, this.properties.selector(), this.properties.mode());
	}

}
