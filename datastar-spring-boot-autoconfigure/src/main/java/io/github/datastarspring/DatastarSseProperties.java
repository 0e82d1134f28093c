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
 * @param tomcatChannelCache on Tomcat, how many channels of closed connections are kept for reuse
 * (Tomcat's socket.bufferPool); each also keeps the request processor of its last
 * connection, so Tomcat's own default (a 32nd of the heap's worth) holds hundreds of megabytes
 * after a wave of departed streams. 0 (the default) keeps none, as Tomcat itself does with a heap
 * under 2 GB; -1 leaves Tomcat's setting alone
 */
@ConfigurationProperties("datastar.sse")
public record DatastarSseProperties(Duration timeout, @DefaultValue("15s") Duration heartbeat,
		@DefaultValue("256") int sendQueueSize, @DefaultValue("0") int tomcatChannelCache) {

}
