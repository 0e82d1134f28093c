package io.github.datastarspring.sample.dashboard.demo;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Calls the demo API over HTTP at a steady rate once the server is up, so that request rate,
 * latency and errors are real measurements of real requests.
 */
public class LoadGenerator implements ApplicationListener<WebServerInitializedEvent>, AutoCloseable {

	private static final Log logger = LogFactory.getLog(LoadGenerator.class);

	private final WebClient.Builder webClient;

	private final int ratePerSecond;

	private volatile Disposable running;

	public LoadGenerator(WebClient.Builder webClient, int ratePerSecond) {
		this.webClient = webClient;
		this.ratePerSecond = ratePerSecond;
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		if (this.ratePerSecond <= 0 || this.running != null) {
			return;
		}
		WebClient client = this.webClient.baseUrl("http://127.0.0.1:" + event.getWebServer().getPort()).build();
		Duration period = Duration.ofNanos(1_000_000_000L / this.ratePerSecond);
		this.running = Flux.interval(period)
			.onBackpressureDrop()
			.flatMap((i) -> client.get()
				.uri("/api/checkout")
				.exchangeToMono((response) -> response.releaseBody())
				.onErrorResume((ex) -> Mono.empty()), 256)
			.subscribe(null, (ex) -> logger.warn("Load generator stopped", ex));
		logger.info("Load generator: " + this.ratePerSecond + " requests/s to /api/checkout");
	}

	@Override
	public void close() {
		Disposable d = this.running;
		if (d != null) {
			d.dispose();
		}
	}

}
