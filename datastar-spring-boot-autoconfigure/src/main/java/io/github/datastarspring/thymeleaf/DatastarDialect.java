package io.github.datastarspring.thymeleaf;

import java.util.Set;

import io.github.datastarspring.DatastarClientProperties;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.standard.StandardDialect;
import org.thymeleaf.standard.processor.StandardXmlNsTagProcessor;
import org.thymeleaf.templatemode.TemplateMode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Thymeleaf dialect with prefix {@code ds}. {@code <script ds:client></script>} becomes the
 * {@code <script type="module">} tag that loads the Datastar client from
 * {@code datastar.client.url}, with its integrity hash when there is one; {@code ds:signals="${model}"}
 * writes a model object as safe {@code data-signals} JSON; {@code ds:csrf} puts Spring Security's
 * CSRF token into a signal that every action sends.
 */
public class DatastarDialect extends AbstractProcessorDialect {

	/** The dialect's attribute prefix. */
	public static final String PREFIX = "ds";

	private final DatastarClientProperties client;

	private final JsonMapper jsonMapper;

	public DatastarDialect(DatastarClientProperties client) {
		this(client, JsonMapper.shared());
	}

	/** With the application's {@code JsonMapper}, which {@code ds:signals} serialises with. */
	public DatastarDialect(DatastarClientProperties client, JsonMapper jsonMapper) {
		super("Datastar", PREFIX, StandardDialect.PROCESSOR_PRECEDENCE);
		this.client = client;
		this.jsonMapper = jsonMapper;
	}

	@Override
	public Set<IProcessor> getProcessors(String dialectPrefix) {
		// Like th:, an xmlns:ds declaration (for editors) is removed from the output.
		return Set.of(new DatastarClientScriptTagProcessor(dialectPrefix, this.client),
				new DatastarSignalsAttributeTagProcessor(dialectPrefix, this.jsonMapper),
				new DatastarCsrfAttributeProcessor(dialectPrefix),
				new StandardXmlNsTagProcessor(TemplateMode.HTML, dialectPrefix));
	}

}
