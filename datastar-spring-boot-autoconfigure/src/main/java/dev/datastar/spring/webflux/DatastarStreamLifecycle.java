package dev.datastar.spring.webflux;

import dev.datastar.spring.OpenStreamsLifecycle;

/** The open {@link DatastarStream}s, completed just before the web server's graceful shutdown. */
public class DatastarStreamLifecycle extends OpenStreamsLifecycle {

}
