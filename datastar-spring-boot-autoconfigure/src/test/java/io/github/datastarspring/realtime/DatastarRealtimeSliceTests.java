package io.github.datastarspring.realtime;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Controllers that publish or subscribe can be tested in the web slices. */
class DatastarRealtimeSliceTests {

	@SpringBootConfiguration
	static class NoComponents {

	}

	@Nested
	@WebMvcTest
	class WebMvcSlice {

		@Autowired
		DatastarBroadcaster broadcaster;

		@Test
		void hasTheBroadcaster() {
			assertThat(this.broadcaster).isInstanceOf(InMemoryDatastarBroadcaster.class);
		}

	}

	@Nested
	@WebFluxTest
	class WebFluxSlice {

		@Autowired
		DatastarBroadcaster broadcaster;

		@Test
		void hasTheBroadcaster() {
			assertThat(this.broadcaster).isInstanceOf(InMemoryDatastarBroadcaster.class);
		}

	}

}
