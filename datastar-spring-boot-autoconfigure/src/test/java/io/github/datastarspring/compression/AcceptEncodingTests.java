package io.github.datastarspring.compression;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AcceptEncodingTests {

	@ParameterizedTest(name = "[{0}] -> {1}")
	@CsvSource(delimiter = '|', nullValues = "identity", textBlock = """
			gzip, deflate, br, zstd            | br
			br                                 | br
			gzip                               | gzip
			GZip                               | gzip
			x-gzip                             | gzip
			deflate                            | identity
			''                                 | identity
			*                                  | br
			gzip;q=1, br;q=0.5                 | gzip
			gzip;q=0.8, br                     | br
			br;q=0, gzip                       | gzip
			br;q=0, gzip;q=0                   | identity
			gzip;q=0.5, identity;q=1           | identity
			gzip;q=0.5, identity;q=0.5         | gzip
			identity;q=0                       | identity
			identity;q=0, gzip;q=0.1           | gzip
			*;q=0                              | identity
			*;q=0, gzip                        | gzip
			*;q=0.5, br;q=0                    | gzip
			br ; Q=0.9 , gzip ; q=1.000        | gzip
			br;q=2, gzip                       | gzip
			br;q=abc, gzip;q=0.1               | gzip
			br;q=0.1234, gzip;q=0.1            | gzip
			br;level=3, gzip;q=0.1             | br
			,, ,br                             | br
			""")
	void negotiatesWithBrotliAvailable(String header, String expected) {
		assertThat(AcceptEncoding.negotiate(header, true)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "[{0}] -> {1}")
	@CsvSource(delimiter = '|', nullValues = "identity", textBlock = """
			gzip, deflate, br, zstd            | gzip
			br                                 | identity
			br;q=1, gzip;q=0.1                 | gzip
			*                                  | gzip
			""")
	void offersGzipOnlyWithoutBrotli(String header, String expected) {
		assertThat(AcceptEncoding.negotiate(header, false)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource(nullValues = "null", value = "null")
	void noHeaderMeansIdentity(String header) {
		assertThat(AcceptEncoding.negotiate(header, true)).isNull();
	}

}
