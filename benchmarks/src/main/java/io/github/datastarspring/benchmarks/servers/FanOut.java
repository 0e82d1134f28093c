package io.github.datastarspring.benchmarks.servers;

/** One benchmark server's way of sending a patch-elements event to every open stream. */
public interface FanOut {

	/**
	 * Sends {@code html} as a {@code datastar-patch-elements} event to every subscriber. The HTML
	 * carries its publish time in a {@code data-t} attribute (see {@link PublishLoop}).
	 */
	void publish(String html);

	/** Streams currently open, as far as the server knows. */
	int subscribers();

}
