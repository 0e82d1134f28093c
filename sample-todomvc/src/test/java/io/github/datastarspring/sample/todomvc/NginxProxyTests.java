package io.github.datastarspring.sample.todomvc;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The sample behind a real nginx (Debian's, installed by scripts/setup) configured with
 * docs/deployment/nginx-datastar.conf as it is: each event reaches the browser at once over
 * HTTP/2, and a stream left idle for two minutes, twice nginx's read timeout, stays open on the
 * default heartbeat. Skipped without nginx, except under CI=true where that is a failure.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class NginxProxyTests {

	private static final Path NGINX = Path.of("/usr/sbin/nginx");

	private static final Path WORK = Path.of("target", "nginx").toAbsolutePath();

	private static Process nginx;

	private static int plainPort;

	private static int tlsPort;

	@LocalServerPort
	private int port;

	@BeforeAll
	static void nginxPresent() {
		if ("true".equals(System.getenv("CI"))) {
			assertThat(NGINX).as("nginx (scripts/setup installs it)").isExecutable();
		}
		assumeTrue(Files.isExecutable(NGINX), "nginx is not installed (scripts/setup installs it)");
	}

	@AfterAll
	static void stopNginx() throws InterruptedException {
		if (nginx != null) {
			nginx.destroy();
			nginx.waitFor(10, TimeUnit.SECONDS);
		}
	}

	@Test
	void eventsPassAtOnceAndAnIdleStreamOutlivesTheProxyTimeout() throws Exception {
		startNginx(this.port);
		String list = "nginx-" + UUID.randomUUID().toString().substring(0, 8);
		HttpClient h1 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		HttpClient h2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).sslContext(trustAll()).build();

		// An idle stream through nginx over HTTP/1.1; it stays open while the rest runs.
		Stream idle = Stream.open(h1, "http://127.0.0.1:" + plainPort + "/lists/" + list + "/updates");
		long idleSince = System.nanoTime();
		assertThat(idle.events.poll(10, TimeUnit.SECONDS)).as("snapshot").contains("datastar-patch-elements");

		// Each event at once, over HTTP/2 through nginx: a change shows up on the stream within a second.
		Stream live = Stream.open(h2, "https://localhost:" + tlsPort + "/lists/" + list + "/updates");
		assertThat(live.response.version()).isEqualTo(HttpClient.Version.HTTP_2);
		assertThat(live.events.poll(10, TimeUnit.SECONDS)).as("snapshot").contains("datastar-patch-elements");
		for (int i = 1; i <= 3; i++) {
			addTodo(h2, "https://localhost:" + tlsPort + "/lists/" + list + "/todos", "Todo " + i);
			String event = live.events.poll(1, TimeUnit.SECONDS);
			assertThat(event).as("event %d within a second", i).isNotNull().contains("Todo " + i);
		}
		live.close();
		// The idle stream got the same three changes; take them off before it goes quiet.
		assertThat(idle.next("Todo 3", Duration.ofSeconds(5))).as("third change on the idle stream").isNotNull();

		// Idle for two minutes in all (nginx's proxy_read_timeout is 60s): only heartbeats flow.
		Duration remaining = Duration.ofSeconds(125).minusNanos(System.nanoTime() - idleSince);
		await().during(remaining).atMost(remaining.plusSeconds(10)).until(() -> idle.open.get());
		assertThat(idle.heartbeats.get()).as("heartbeats in two minutes").isGreaterThanOrEqualTo(6);
		addTodo(h1, "http://127.0.0.1:" + plainPort + "/lists/" + list + "/todos", "After two idle minutes");
		assertThat(idle.next("After two idle minutes", Duration.ofSeconds(5))).as("change after two idle minutes").isNotNull();
		idle.close();
	}

	private static void addTodo(HttpClient client, String url, String title) throws Exception {
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url))
			.header("Datastar-Request", "true")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"" + title + "\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(204); // an add answers nothing: the list arrives on the stream
	}

	/** nginx with the documented site file, only its ports and certificate paths replaced. */
	private static void startNginx(int appPort) throws Exception {
		Path root = Path.of(System.getProperty("datastar.repo.root", ".."));
		Files.createDirectories(WORK.resolve("logs"));
		Path pem = certificate(root);
		plainPort = freePort();
		tlsPort = freePort();
		String site = Files.readString(root.resolve("docs/deployment/nginx-datastar.conf"))
			.replace("server 127.0.0.1:8080;", "server 127.0.0.1:" + appPort + ";")
			.replace("listen 8081;", "listen 127.0.0.1:" + plainPort + ";")
			.replace("listen 8443 ssl http2;", "listen 127.0.0.1:" + tlsPort + " ssl http2;")
			.replace("/etc/ssl/datastar/localhost.pem", pem.toString());
		Files.writeString(WORK.resolve("site.conf"), site);
		Files.writeString(WORK.resolve("nginx.conf"), """
				worker_processes 1;
				pid %1$s/nginx.pid;
				error_log %1$s/logs/error.log warn;
				events { worker_connections 256; }
				http {
				    access_log off;
				    client_body_temp_path %1$s/body;
				    proxy_temp_path %1$s/proxy;
				    fastcgi_temp_path %1$s/fastcgi;
				    uwsgi_temp_path %1$s/uwsgi;
				    scgi_temp_path %1$s/scgi;
				    include %1$s/site.conf;
				}
				""".formatted(WORK));
		nginx = new ProcessBuilder(NGINX.toString(), "-p", WORK.toString(), "-e", WORK.resolve("logs/error.log").toString(),
				"-c", WORK.resolve("nginx.conf").toString(), "-g", "daemon off;")
			.redirectErrorStream(true)
			.redirectOutput(WORK.resolve("logs/nginx.out").toFile())
			.start();
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
			if (!nginx.isAlive()) {
				throw new IllegalStateException("nginx exited: " + Files.readString(WORK.resolve("logs/nginx.out"))
						+ Files.readString(WORK.resolve("logs/error.log")));
			}
			try (Socket socket = new Socket("127.0.0.1", tlsPort)) {
				return true;
			}
			catch (IOException ex) {
				return false;
			}
		});
	}

	/** The development certificate of scripts/dev-certificate, as the PEM file nginx reads. */
	private static Path certificate(Path root) throws Exception {
		Path tls = Path.of("target", "tls").toAbsolutePath();
		run("bash", root.resolve("scripts/dev-certificate").toString(), tls.toString());
		Path pem = WORK.resolve("localhost.pem");
		run("openssl", "pkcs12", "-in", tls.resolve("localhost.p12").toString(), "-passin",
				"file:" + tls.resolve("password.txt"), "-nodes", "-out", pem.toString());
		return pem;
	}

	private static void run(String... command) throws Exception {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** Only for the self-signed development certificate of this test. */
	private static SSLContext trustAll() throws Exception {
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, new TrustManager[] { new X509TrustManager() {
			@Override
			public void checkClientTrusted(X509Certificate[] chain, String authType) {
			}

			@Override
			public void checkServerTrusted(X509Certificate[] chain, String authType) {
			}

			@Override
			public X509Certificate[] getAcceptedIssuers() {
				return new X509Certificate[0];
			}
		} }, null);
		return context;
	}

	/** A stream read on its own thread: events (comment lines dropped) and heartbeats as they come. */
	private static final class Stream implements AutoCloseable {

		final HttpResponse<InputStream> response;

		final BlockingQueue<String> events = new LinkedBlockingQueue<>();

		final AtomicInteger heartbeats = new AtomicInteger();

		final AtomicBoolean open = new AtomicBoolean(true);

		private final Thread reader;

		private Stream(HttpResponse<InputStream> response) {
			this.response = response;
			this.reader = new Thread(this::read, "nginx-test-stream");
			this.reader.setDaemon(true);
			this.reader.start();
		}

		static Stream open(HttpClient client, String url) throws Exception {
			HttpResponse<InputStream> response = client.sendAsync(HttpRequest.newBuilder(URI.create(url))
				.header("Datastar-Request", "true")
				.header("Accept", "text/event-stream")
				.build(), HttpResponse.BodyHandlers.ofInputStream()).get(10, TimeUnit.SECONDS);
			assertThat(response.statusCode()).isEqualTo(200);
			return new Stream(response);
		}

		/** The first event containing {@code text} within {@code timeout}, dropping earlier ones; null if none came. */
		String next(String text, Duration timeout) throws InterruptedException {
			long deadline = System.nanoTime() + timeout.toNanos();
			for (long left = timeout.toNanos(); left > 0; left = deadline - System.nanoTime()) {
				String event = this.events.poll(left, TimeUnit.NANOSECONDS);
				if (event != null && event.contains(text)) {
					return event;
				}
			}
			return null;
		}

		private void read() {
			try (BufferedReader lines = new BufferedReader(new InputStreamReader(this.response.body(), StandardCharsets.UTF_8))) {
				StringBuilder event = new StringBuilder();
				String line;
				while ((line = lines.readLine()) != null) {
					if (line.startsWith(":")) {
						this.heartbeats.incrementAndGet();
					}
					else if (line.isEmpty()) {
						if (event.length() > 0) {
							this.events.add(event.toString());
							event.setLength(0);
						}
					}
					else {
						event.append(line).append('\n');
					}
				}
			}
			catch (IOException ex) {
				// closed by the test or cut by the proxy: either way no longer open
			}
			finally {
				this.open.set(false);
			}
		}

		@Override
		public void close() throws IOException {
			this.response.body().close();
		}

	}

}
