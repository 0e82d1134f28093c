package io.github.datastarspring.realtime;

import java.time.Duration;

import io.github.datastarspring.DatastarAutoConfiguration;
import jakarta.servlet.http.HttpSessionListener;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class DatastarUsersAutoConfigurationTests {

	private static final AutoConfigurations DATASTAR = AutoConfigurations.of(DatastarAutoConfiguration.class,
			DatastarRealtimeAutoConfiguration.class, DatastarUsersAutoConfiguration.class);

	private final WebApplicationContextRunner servlet = new WebApplicationContextRunner().withConfiguration(DATASTAR);

	@Test
	void servletApplicationsGetUsersPresenceAndTheSessionEndListener() {
		this.servlet.run((context) -> assertThat(context).hasSingleBean(DatastarUsers.class)
			.hasSingleBean(DatastarPresence.class)
			.hasBean("datastarSessionEndListener"));
	}

	@Test
	void reactiveApplicationsGetUsersAndPresenceWithoutAServletListener() {
		new ReactiveWebApplicationContextRunner().withConfiguration(DATASTAR)
			.run((context) -> assertThat(context).hasSingleBean(DatastarUsers.class)
				.hasSingleBean(DatastarPresence.class)
				.doesNotHaveBean(HttpSessionListener.class));
	}

	@Test
	void nonWebApplicationsGetNone() {
		new ApplicationContextRunner().withConfiguration(DATASTAR)
			.run((context) -> assertThat(context).doesNotHaveBean(DatastarUsers.class)
				.doesNotHaveBean(DatastarPresence.class));
	}

	@Test
	void backsOffFromTheApplicationsUsers() {
		this.servlet.withUserConfiguration(OwnUsers.class)
			.run((context) -> assertThat(context).hasSingleBean(DatastarUsers.class).hasBean("ownUsers"));
	}

	@Test
	void backsOffFromTheApplicationsPresence() {
		this.servlet.withUserConfiguration(OwnPresence.class)
			.run((context) -> assertThat(context).hasSingleBean(DatastarPresence.class).hasBean("ownPresence"));
	}

	@Test
	void theSessionEndListenerEndsTheSessionsStreams() {
		this.servlet.run((context) -> {
			TestSink tab = context.getBean(DatastarUsers.class).attach(new TestSink(), "user1", "s1");
			org.springframework.mock.web.MockHttpSession session = new org.springframework.mock.web.MockHttpSession(null, "s1");
			context.getBean("datastarSessionEndListener", HttpSessionListener.class)
				.sessionDestroyed(new jakarta.servlet.http.HttpSessionEvent(session));
			assertThat(tab.next()).contains("data-init=\"location.reload()\"");
			assertThat(tab.completed()).isTrue();
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnUsers {

		@Bean
		DatastarUsers ownUsers(DatastarBroadcaster hub) {
			return new DatastarUsers(hub, "location.assign('/bye')");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnPresence {

		@Bean(destroyMethod = "close")
		DatastarPresence ownPresence(DatastarBroadcaster hub) {
			return new DatastarPresence(hub, JsonMapper.shared(), Duration.ofSeconds(5));
		}

	}

}
