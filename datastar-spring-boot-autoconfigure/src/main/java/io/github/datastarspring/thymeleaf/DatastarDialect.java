package io.github.datastarspring.thymeleaf;

import java.util.Set;

import io.github.datastarspring.DatastarClientProperties;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.standard.StandardDialect;
import org.thymeleaf.standard.processor.StandardXmlNsTagProcessor;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * Thymeleaf dialect with prefix {@code ds}. {@code <script ds:client></script>} becomes the
 * {@code <script type="module">} tag that loads the Datastar client from
 * {@code datastar.client.url}, with its integrity hash when there is one; {@code ds:csrf} puts
 * Spring Security's CSRF token into a signal that every action sends.
 */
public class DatastarDialect extends AbstractProcessorDialect {

	/** The dialect's attribute prefix. */
	public static final String PREFIX = "ds";

	private final DatastarClientProperties client;

	public DatastarDialect(DatastarClientProperties client) {
		super("Datastar", PREFIX, StandardDialect.PROCESSOR_PRECEDENCE);
		this.client = client;
	}

	@Override
	public Set<IProcessor> getProcessors(String dialectPrefix) {
		// Like th:, an xmlns:ds declaration (for editors) is removed from the output.
		return Set.of(new DatastarClientScriptTagProcessor(dialectPrefix, this.client),
				new DatastarCsrfAttributeProcessor(dialectPrefix),
				new StandardXmlNsTagProcessor(TemplateMode.HTML, dialectPrefix));
	}

}
