package io.github.datastarspring.sample.todomvc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway PostgreSQL server for this test JVM, started by {@code scripts/postgres} (which
 * installs the server when missing) and stopped when the JVM exits. Under {@code CI=true} a server
 * that cannot be had fails the test instead of skipping it.
 */
final class PostgresServer {

	private static PostgresServer instance;

	private static Throwable failure;

	private final int port;

	private final AtomicInteger databases = new AtomicInteger();

	private PostgresServer(int port) {
		this.port = port;
	}

	static synchronized PostgresServer get() {
		if (instance == null && failure == null) {
			try {
				instance = start();
			}
			catch (Exception | AssertionError ex) {
				failure = ex;
			}
		}
		if (instance == null) {
			String message = "PostgreSQL could not be started by scripts/postgres: " + failure;
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new AssertionError(message, failure);
			}
			Assumptions.abort(message);
		}
		return instance;
	}

	private static PostgresServer start() throws IOException, InterruptedException {
		Path root = Path.of(System.getProperty("datastar.repo.root", "..")).toAbsolutePath();
		Path script = root.resolve("scripts/postgres");
		Path dir = Files.createTempDirectory(Path.of("/tmp"), "todomvc-pg");
		String out = run(script.toString(), "start", dir.toString()).trim();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				run(script.toString(), "stop", dir.toString());
			}
			catch (Exception ex) {
				// The JVM is ending; the temp directory is all that may remain.
			}
		}));
		return new PostgresServer(Integer.parseInt(out.substring(out.lastIndexOf('\n') + 1).trim()));
	}

	private static String run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
			throw new IOException(String.join(" ", command) + " failed: " + out);
		}
		return out;
	}

	/** A new, empty database on this server. */
	String createDatabase() {
		String name = "todomvc" + this.databases.incrementAndGet();
		try (Connection connection = DriverManager.getConnection(url("postgres"), "postgres", null);
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return url(name);
	}

	private String url(String database) {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/" + database;
	}

}
