package io.github.datastarspring.realtime;

import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import io.github.datastarspring.core.DatastarEventEncoder;
import io.github.datastarspring.realtime.postgres.PostgresDatastarEventLog;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The docs' domain-events example against a real PostgreSQL: patches commit with the data. */
class DomainEventsTests {

	@Test
	void aCommittedOrderIsPublishedAndARolledBackOneIsNot() {
		String url = PostgresServer.get().createDatabase();
		try (HikariDataSource dataSource = PostgresServer.get().dataSource(url);
				AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			new JdbcTemplate(dataSource).execute("CREATE TABLE orders (id bigint PRIMARY KEY, customer text NOT NULL)");
			context.registerBean(HikariDataSource.class, () -> dataSource);
			context.register(Application.class);
			context.refresh();
			DatastarBroadcaster broadcaster = context.getBean(DatastarBroadcaster.class);
			TestSink page = broadcaster.subscribe("orders:ann", new TestSink());
			DomainEventsExample.Orders orders = context.getBean(DomainEventsExample.Orders.class);

			orders.place(1, "ann");
			assertThat(page.next(Duration.ofSeconds(10))).contains("<li id=\"order-1\">Order 1</li>");

			// Placed, then rolled back by the caller's transaction: nothing is published.
			new TransactionTemplate(context.getBean(DataSourceTransactionManager.class)).executeWithoutResult((status) -> {
				orders.place(2, "ann");
				status.setRollbackOnly();
			});
			orders.place(3, "ann");
			assertThat(page.next(Duration.ofSeconds(10))).contains("Order 3");
			assertThat(page.next(Duration.ofMillis(700))).isNull();
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableTransactionManagement
	@Import({ DomainEventsExample.Orders.class, DomainEventsExample.OrderPatches.class })
	static class Application {

		@Bean
		DataSourceTransactionManager transactionManager(HikariDataSource dataSource) {
			return new DataSourceTransactionManager(dataSource);
		}

		@Bean
		JdbcTemplate jdbcTemplate(HikariDataSource dataSource) {
			return new JdbcTemplate(dataSource);
		}

		@Bean
		PostgresDatastarEventLog eventLog(HikariDataSource dataSource, DataSourceTransactionManager transactions) {
			return PostgresDatastarEventLog.builder(dataSource).transactionManager(transactions).initializeSchema(true).build();
		}

		@Bean
		InMemoryDatastarBroadcaster broadcaster(PostgresDatastarEventLog log) {
			return InMemoryDatastarBroadcaster.builder(new DatastarEventEncoder()).eventLog(log).build();
		}

	}

}
