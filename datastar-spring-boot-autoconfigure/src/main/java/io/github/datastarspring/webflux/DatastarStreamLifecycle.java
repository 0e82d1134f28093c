package io.github.datastarspring.webflux;

import io.github.datastarspring.OpenStreamsLifecycle;

/** The open {@link DatastarStream}s, completed just before the web server's graceful shutdown. */
public class DatastarStreamLifecycle extends OpenStreamsLifecycle {

}
