package io.github.datastarspring.realtime;

import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

import io.github.datastarspring.DatastarSseProperties;
import io.github.datastarspring.security.DatastarSecurityProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Per-user and per-session destinations ({@link DatastarUsers}) and presence
 * ({@link DatastarPresence}) on the application's hub. On a servlet container, every session that
 * ends (logout invalidates it, or it expires) ends its streams through {@link DatastarUsers#endSession}.
 */
@AutoConfiguration(after = DatastarRealtimeAutoConfiguration.class)
@ConditionalOnWebApplication
@ConditionalOnBean(DatastarBroadcaster.class)
@EnableConfigurationProperties(DatastarSecurityProperties.class)
public final class DatastarUsersAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DatastarUsers datastarUsers(DatastarBroadcaster hub, DatastarSecurityProperties properties) {
		return new DatastarUsers(hub, properties.sessionEndScript());
	}

	@Bean
	@ConditionalOnMissingBean
	DatastarPresence datastarPresence(DatastarBroadcaster hub, ObjectProvider<JsonMapper> json,
			DatastarSseProperties sse) {
		java.time.Duration heartbeat = sse.heartbeat();
		// Presence needs a heartbeat even where streams have none: then it announces every 15 s.
		if (heartbeat == null || heartbeat.isZero() || heartbeat.isNegative()) {
			heartbeat = java.time.Duration.ofSeconds(15);
		}
		return new DatastarPresence(hub, json.getIfAvailable(JsonMapper::shared), heartbeat);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass(HttpSessionListener.class)
	static class SessionEndConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "datastarSessionEndListener")
		HttpSessionListener datastarSessionEndListener(DatastarUsers users) {
			return new HttpSessionListener() {
				@Override
				public void sessionDestroyed(HttpSessionEvent event) {
					users.endSession(event.getSession().getId());
				}
			};
		}

	}

}
