package io.github.datastarspring.sample.dashboard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

/**
 * The whole application on a random port, ticking twice a second with a business stream of
 * 5,000 updates a second; no scheduled incidents, so tests decide when things go wrong.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "dashboard.tick=500ms", "dashboard.business-rate=5000", "dashboard.incident-every=0s",
				"dashboard.load-rate=40" })
@AutoConfigureWebTestClient
public @interface DashboardTest {

}
