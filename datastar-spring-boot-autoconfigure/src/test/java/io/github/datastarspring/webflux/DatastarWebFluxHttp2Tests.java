package io.github.datastarspring.webflux;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** HTTP/2 (cleartext) on Netty: the same stream, without the connection-specific header. */
@SpringBootTest(classes = { WebFluxTestApplication.class, DatastarWebFluxHttp2Tests.ConnectionHeaderRecorder.class }, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "server.http2.enabled=true" })
class DatastarWebFluxHttp2Tests {

	@LocalServerPort
	int port;

	@Test
	void noConnectionHeaderOnHttp2() throws Exception {
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/one"))
			.timeout(Duration.ofSeconds(10)).build();
		// The first request upgrades the connection (h2c); the second one is a plain HTTP/2 stream.
		http.send(request, HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache");
		assertThat(response.headers().firstValue("X-Accel-Buffering")).hasValue("no");
		assertThat(response.headers().firstValue("Connection")).isEmpty();
		// What the starter set, before Netty's HTTP/2 codec could strip it.
		HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(ConnectionHeaderRecorder.set).containsExactly("HTTP/2.0 none", "HTTP/2.0 none", "HTTP/1.1 keep-alive");
		assertThat(response.body()).isEqualTo("event: datastar-patch-elements\ndata: elements <p id=\"one\">1</p>\n\n");
	}

	@Test
	void aLiveStreamIsWrittenAsItSendsAndEndsCleanlyOnHttp2() throws Exception {
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
		// Upgrades the connection (h2c), so that the stream below is an HTTP/2 stream.
		http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/one")).build(),
				HttpResponse.BodyHandlers.discarding());
		WebFluxTestApplication.EventsController.streams.set(new java.util.concurrent.CompletableFuture<>());
		HttpResponse<java.util.stream.Stream<String>> response = http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/stream")).build(),
				HttpResponse.BodyHandlers.ofLines());
		assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
		java.util.Iterator<String> lines = response.body().iterator();
		assertThat(lines.next()).isEqualTo("event: datastar-patch-elements");
		assertThat(lines.next()).isEqualTo("data: elements <p id=\"hello\">before return</p>");
		assertThat(lines.next()).isEmpty();
		// Sent while the client waits: it arrives without the stream ending.
		DatastarStream stream = WebFluxTestApplication.EventsController.streams.get().get(10, java.util.concurrent.TimeUnit.SECONDS);
		stream.patchElements("<p id=\"hello\">live</p>");
		assertThat(lines.next()).isEqualTo("event: datastar-patch-elements");
		assertThat(lines.next()).isEqualTo("data: elements <p id=\"hello\">live</p>");
		assertThat(lines.next()).isEmpty();
		stream.complete();
		assertThat(lines.hasNext()).isFalse();
	}

	/** Records the {@code Connection} header each {@code /one} response was given by the application. */
	static class ConnectionHeaderRecorder implements org.springframework.web.server.WebFilter {

		static final java.util.List<String> set = new java.util.concurrent.CopyOnWriteArrayList<>();

		@Override
		public reactor.core.publisher.Mono<Void> filter(org.springframework.web.server.ServerWebExchange exchange,
				org.springframework.web.server.WebFilterChain chain) {
			if (exchange.getRequest().getPath().value().equals("/one")) {
				exchange.getResponse().beforeCommit(() -> {
					String protocol = ((reactor.netty.http.server.HttpServerRequest) org.springframework.http.server.reactive.ServerHttpRequestDecorator
						.getNativeRequest(exchange.getRequest())).protocol();
					String connection = exchange.getResponse().getHeaders().getFirst("Connection");
					set.add(protocol + " " + ((connection != null) ? connection : "none"));
					return reactor.core.publisher.Mono.empty();
				});
			}
			return chain.filter(exchange);
		}

	}

}
