package io.github.datastarspring.webflux;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.datastarspring.core.internal.StreamSupport;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/** Stopping the application aborts open streams, so that pages reconnect, instead of waiting out the graceful shutdown. */
class DatastarStreamShutdownTests {

	@Test
	void openStreamsAreAbortedBeforeGracefulShutdown() throws Exception {
		WebFluxTestApplication.EventsController.streams.set(new CompletableFuture<>());
		ConfigurableApplicationContext context = new SpringApplicationBuilder(WebFluxTestApplication.class)
			.web(WebApplicationType.REACTIVE)
			.properties("server.port=0", "server.shutdown=graceful", "spring.lifecycle.timeout-per-shutdown-phase=60s")
			.run();
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		HttpResponse<InputStream> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/stream")).build(),
					HttpResponse.BodyHandlers.ofInputStream());
		DatastarStream stream = WebFluxTestApplication.EventsController.streams.get().get(5, TimeUnit.SECONDS);
		CompletableFuture<Void> closed = new CompletableFuture<>();
		stream.onClose(() -> closed.complete(null));
		assertThat(context.getBean(StreamSupport.class).openStreams()).isEqualTo(1);
		try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
			assertThat(lines.readLine()).isEqualTo("event: datastar-patch-elements");
			CompletableFuture<Void> stopping = CompletableFuture.runAsync(context::close);
			closed.get(10, TimeUnit.SECONDS);
			assertThat(lines.readLine()).startsWith("data: elements");
			assertThat(lines.readLine()).isEmpty();
			// Ended as by a network failure, not normally: the Datastar client retries with its Last-Event-ID.
			assertThatIOException().isThrownBy(lines::readLine);
			stopping.get(20, TimeUnit.SECONDS);
		}
		finally {
			WebFluxTestApplication.EventsController.streams.set(new CompletableFuture<>());
		}
	}

}
