package io.github.datastarspring.thymeleaf;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.datastarspring.DatastarAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.unbescape.html.HtmlEscape;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ds:signals} writes a model object as {@code data-signals} that no value can break out of. */
class DatastarSignalsAttributeTests {

	private static final Pattern DATA_SIGNALS = Pattern.compile(" data-signals=\"([^\"]*)\"");

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(ThymeleafAutoConfiguration.class, DatastarAutoConfiguration.class,
					DatastarThymeleafAutoConfiguration.class));

	record Search(String query, int page, List<String> tags, Map<String, Object> filter) {
	}

	@Test
	void writesTheModelObjectAsJsonInDataSignals() {
		Search search = new Search("milk", 2, List.of("a", "b"), Map.of("done", true));
		this.runner.run((context) -> assertThat(render(context.getBean(ITemplateEngine.class), search))
			.contains("<form id=\"search\" data-signals=\"{&quot;query&quot;:&quot;milk&quot;,&quot;page&quot;:2,"
					+ "&quot;tags&quot;:[&quot;a&quot;,&quot;b&quot;],&quot;filter&quot;:{&quot;done&quot;:true}}\" "
					+ "data-on:submit__prevent=\"@get('/search')\">")
			.doesNotContain("ds:signals"));
	}

	@Test
	void noValueCanEndTheAttributeOrReachTheClientsExpressionRewriting() {
		Map<String, Object> hostile = new LinkedHashMap<>();
		hostile.put("quote", "\" onmouseover=\"alert(1)");
		hostile.put("single", "' autofocus onfocus='alert(1)");
		hostile.put("tag", "</form><script>alert(1)</script>");
		hostile.put("action", "@post('/delete-everything')");
		hostile.put("signal", "$secret ${x}");
		hostile.put("delimiters", "\uD83D\uDD95JS_DS\uD83D\uDE80 café \u2028");
		hostile.put("@key", "\\\"");
		this.runner.run((context) -> {
			String html = render(context.getBean(ITemplateEngine.class), hostile);
			Matcher matcher = DATA_SIGNALS.matcher(html);
			assertThat(matcher.find()).isTrue();
			String attribute = matcher.group(1);
			assertThat(attribute).doesNotContain("<", ">", "'", "@", "$").matches("[\\x20-\\x7e]*");
			assertThat(html).doesNotContain("<script").doesNotContain("onmouseover=\"alert");
			// What the browser reads from the attribute is JSON of exactly the model's values.
			assertThat(JsonMapper.shared().readValue(HtmlEscape.unescapeHtml(attribute), Map.class)).isEqualTo(hostile);
		});
	}

	@Test
	void aNullValueWritesNoAttribute() {
		this.runner.run((context) -> assertThat(render(context.getBean(ITemplateEngine.class), null))
			.contains("<form id=\"search\" data-on:submit__prevent")
			.doesNotContain("data-signals"));
	}

	private static String render(ITemplateEngine engine, Object search) {
		Context context = new Context();
		context.setVariable("search", search);
		return engine.process("thymeleaf-signals", context);
	}

}
