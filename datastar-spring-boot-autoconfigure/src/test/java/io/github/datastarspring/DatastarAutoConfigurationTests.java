package io.github.datastarspring;

import io.github.datastarspring.core.DatastarEventEncoder;
import io.github.datastarspring.core.PatchSignals;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class DatastarAutoConfigurationTests {

	// The browser tests' DATASTAR_CLIENT_URL variable would bind to datastar.client.url; keep
	// these assertions about defaults independent of the environment the build runs in.
	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withInitializer(context -> context.getEnvironment().getPropertySources()
			.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME))
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, DatastarAutoConfiguration.class));

	@Test
	void encoderUsesTheApplicationsJsonMapper() {
		this.runner.withPropertyValues("spring.jackson.property-naming-strategy=SNAKE_CASE").run(context -> {
			record Signals(String userName) {
			}
			DatastarEventEncoder encoder = context.getBean(DatastarEventEncoder.class);
			assertThat(encoder.encodeToString(PatchSignals.of(new Signals("ada")))).contains("{\"user_name\":\"ada\"}");
		});
	}

	@Test
	void encoderWorksWithoutJackson() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DatastarAutoConfiguration.class))
			.run(context -> assertThat(context).hasSingleBean(DatastarEventEncoder.class));
	}

	@Test
	void backsOffFromAUserEncoder() {
		DatastarEventEncoder mine = new DatastarEventEncoder(JsonMapper.shared());
		this.runner.withBean(DatastarEventEncoder.class, () -> mine)
			.run(context -> assertThat(context.getBean(DatastarEventEncoder.class)).isSameAs(mine));
	}

	@Test
	void propertiesHaveDocumentedDefaults() {
		this.runner.run(context -> {
			DatastarClientProperties client = context.getBean(DatastarClientProperties.class);
			assertThat(client.url()).isEqualTo(DatastarClientProperties.DEFAULT_URL);
			assertThat(client.effectiveIntegrity()).isEqualTo(DatastarClientProperties.DEFAULT_INTEGRITY);
			DatastarSseProperties sse = context.getBean(DatastarSseProperties.class);
			assertThat(sse.timeout()).isNull();
			assertThat(sse.heartbeat()).hasSeconds(15);
			assertThat(context.getBean(DatastarSignalsProperties.class).maxSize()).isEqualTo(DataSize.ofMegabytes(1));
		});
	}

	@Test
	void overriddenClientUrlDropsTheDefaultIntegrityUnlessGivenOne() {
		this.runner.withPropertyValues("datastar.client.url=/js/datastar.js")
			.run(context -> assertThat(context.getBean(DatastarClientProperties.class).effectiveIntegrity()).isNull());
		this.runner.withPropertyValues("datastar.client.url=/js/datastar.js", "datastar.client.integrity=sha384-x")
			.run(context -> assertThat(context.getBean(DatastarClientProperties.class).effectiveIntegrity()).isEqualTo("sha384-x"));
	}

}
