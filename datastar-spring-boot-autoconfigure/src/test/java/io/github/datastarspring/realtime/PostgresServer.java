package io.github.datastarspring.realtime;

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

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway PostgreSQL server for this test JVM, started by {@code scripts/postgres} (which
 * installs the server when missing) and stopped when the JVM exits. Under {@code CI=true} a server
 * that cannot be had fails the test instead of skipping it.
 */
final class PostgresServer {

	private static PostgresServer instance;

	private static Throwable failure;

	private final Path script;

	private final Path dir;

	private final int port;

	private final AtomicInteger databases = new AtomicInteger();

	private PostgresServer(Path script, Path dir, int port) {
		this.script = script;
		this.dir = dir;
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
		if (!Files.isExecutable(script)) {
			script = root.getParent().resolve("scripts/postgres");
		}
		Path dir = Files.createTempDirectory(Path.of("/tmp"), "datastar-pg");
		dir.toFile().setWritable(true, false);
		String out = run(script, "start", dir.toString()).trim();
		PostgresServer server = new PostgresServer(script, dir, Integer.parseInt(out.substring(out.lastIndexOf('\n') + 1).trim()));
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				run(server.script, "stop", server.dir.toString());
			}
			catch (Exception ex) {
				// The JVM is ending; the temp directory is all that may remain.
			}
		}));
		return server;
	}

	private static String run(Path script, String... args) throws IOException, InterruptedException {
		String[] command = new String[args.length + 1];
		command[0] = script.toString();
		System.arraycopy(args, 0, command, 1, args.length);
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
			throw new IOException(String.join(" ", command) + " failed: " + out);
		}
		return out;
	}

	/** A new, empty database on this server. */
	String createDatabase() {
		String name = "test" + this.databases.incrementAndGet();
		sql("postgres", "CREATE DATABASE " + name);
		return url(name);
	}

	String url(String database) {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/" + database;
	}

	HikariDataSource dataSource(String url) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(url);
		dataSource.setUsername("postgres");
		dataSource.setMaximumPoolSize(8);
		// Fail fast while the server is down, as an application would with tight timeouts.
		dataSource.setConnectionTimeout(2000);
		return dataSource;
	}

	void sql(String database, String sql) {
		try (Connection connection = DriverManager.getConnection(url(database), "postgres", null);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql, ex);
		}
	}

	/** Stops the server (fast shutdown: connections are cut) and starts it again on the same port. */
	void restart() {
		try {
			run(this.script, "restart", this.dir.toString());
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
