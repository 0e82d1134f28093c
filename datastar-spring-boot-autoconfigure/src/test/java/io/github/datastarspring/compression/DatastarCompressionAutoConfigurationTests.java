package io.github.datastarspring.compression;

import io.github.datastarspring.core.StreamCompression;
import io.github.datastarspring.core.StreamCompressor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class DatastarCompressionAutoConfigurationTests {

	private static final String BROWSER = "gzip, deflate, br, zstd";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DatastarCompressionAutoConfiguration.class));

	@Test
	void negotiatesBrotliWhenBrotli4jIsPresent() {
		this.runner.run((context) -> {
			StreamCompressor compressor = context.getBean(StreamCompression.class).forStream(BROWSER);
			try (compressor) {
				assertThat(compressor).isInstanceOf(BrotliCompressor.class);
				assertThat(compressor.encoding()).isEqualTo("br");
			}
		});
	}

	@Test
	void fallsBackToGzipWithoutBrotli4j() {
		this.runner.withClassLoader(new FilteredClassLoader("com.aayushatharva.brotli4j")).run((context) -> {
			try (StreamCompressor compressor = context.getBean(StreamCompression.class).forStream(BROWSER)) {
				assertThat(compressor.encoding()).isEqualTo("gzip");
			}
		});
	}

	@Test
	void offSwitchSendsIdentity() {
		this.runner.withPropertyValues("datastar.compression.enabled=false")
			.run((context) -> assertThat(context.getBean(StreamCompression.class)).isSameAs(StreamCompression.NONE));
	}

	@Test
	void backsOffFromTheApplicationsCompression() {
		StreamCompression mine = new StreamCompression() {
		};
		this.runner.withBean("mine", StreamCompression.class, () -> mine)
			.run((context) -> assertThat(context).getBean(StreamCompression.class).isSameAs(mine));
	}

	@Test
	void smallOneShotAnswersStayUncompressed() {
		this.runner.withPropertyValues("datastar.compression.min-response-size=4KB").run((context) -> {
			StreamCompression compression = context.getBean(StreamCompression.class);
			assertThat(compression.forResponse(BROWSER, 4095)).isNull();
			try (StreamCompressor compressor = compression.forResponse(BROWSER, 4096)) {
				assertThat(compressor.encoding()).isEqualTo("br");
			}
		});
	}

	@Test
	void brotliSettingsApplyToNewStreams() {
		this.runner.withPropertyValues("datastar.compression.brotli.quality=11", "datastar.compression.brotli.window=24")
			.run((context) -> assertThat(context.getBean(DatastarCompressionProperties.class).brotli())
				.isEqualTo(new DatastarCompressionProperties.Brotli(11, 24)));
	}

	@Test
	void anOutOfRangeSettingFailsStartupWithItsName() {
		this.runner.withPropertyValues("datastar.compression.brotli.window=30")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("datastar.compression.brotli.window must be between 10 and 24"));
	}

	@Test
	void aMissingNativeLibraryIsLoggedOnceAndGivesGzip(CapturedOutput output) {
		boolean brotli = BrotliAvailability.check(() -> new UnsatisfiedLinkError("no brotli in java.library.path"));
		assertThat(brotli).isFalse();
		assertThat(output).containsOnlyOnce("native library is unavailable")
			.contains("no brotli in java.library.path", "fall back to gzip");
	}

}
