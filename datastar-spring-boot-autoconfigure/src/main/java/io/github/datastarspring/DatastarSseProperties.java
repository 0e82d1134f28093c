package io.github.datastarspring;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Long-lived event streams.
 *
 * @param timeout how long a stream may stay open; unset (the default) means no timeout
 * @param heartbeat interval of the SSE comment sent on otherwise idle streams, which is also how
 * dead clients are found; 0 disables it
 * @param sendQueueSize how many events may wait to be written to one client before it counts as
 * slow and the overflow policy applies
 */
@ConfigurationProperties("datastar.sse")
public record DatastarSseProperties(Duration timeout, @DefaultValue("15s") Duration heartbeat,
		@DefaultValue("256") int sendQueueSize) {

}
