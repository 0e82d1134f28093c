/**
 * Test support for Datastar applications: {@link io.github.datastarspring.test.ReceivedEvents}
 * parses a response into Datastar events, {@link io.github.datastarspring.test.DatastarAssertions}
 * asserts on them, and one entry point per way of calling the application sends signals as the
 * Datastar client does and reads what comes back: {@link io.github.datastarspring.test.DatastarMockMvc}
 * ({@code MockMvc}, {@code MockMvcTester}), {@link io.github.datastarspring.test.DatastarWebTestClient}
 * and {@link io.github.datastarspring.test.LiveEventStream} (a running server over real HTTP),
 * {@link io.github.datastarspring.test.DatastarHttpRequests} (the JDK {@code HttpClient}).
 *
 * <p>Independent of the starter's own classes on purpose: it reads the wire format, as the
 * browser does.
 */
@NullMarked
package io.github.datastarspring.test;

import org.jspecify.annotations.NullMarked;
