package io.github.datastarspring.realtime;

import io.github.datastarspring.core.ElementPatchMode;
import io.github.datastarspring.core.PatchElements;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** The domain-events example of docs/realtime.md: no controller publishes anything. */
final class DomainEventsExample {

	private DomainEventsExample() {
	}

	// tag::domain-events[]
	record OrderPlaced(long orderId, String customer) {
	}

	@Service
	static class Orders {

		private final JdbcTemplate jdbc;

		private final ApplicationEventPublisher events;

		Orders(JdbcTemplate jdbc, ApplicationEventPublisher events) {
			this.jdbc = jdbc;
			this.events = events;
		}

		@Transactional
		void place(long orderId, String customer) {
			this.jdbc.update("INSERT INTO orders (id, customer) VALUES (?, ?)", orderId, customer);
			this.events.publishEvent(new OrderPlaced(orderId, customer));
		}

	}

	@Component
	static class OrderPatches {

		private final DatastarBroadcaster broadcaster;

		OrderPatches(DatastarBroadcaster broadcaster) {
			this.broadcaster = broadcaster;
		}

		// Still inside the transaction: with the PostgreSQL log the publish commits with the order,
		// and a rolled-back order publishes nothing.
		@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
		void on(OrderPlaced placed) {
			this.broadcaster.publish("orders:" + placed.customer(), PatchElements.builder()
				.elements("<li id=\"order-" + placed.orderId() + "\">Order " + placed.orderId() + "</li>")
				.selector("#orders")
				.mode(ElementPatchMode.APPEND)
				.build());
		}

	}
	// end::domain-events[]

}
