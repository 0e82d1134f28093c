package io.github.datastarspring.realtime;

import java.util.function.Consumer;

/**
 * Carries published events to the broadcaster of every application instance. The default,
 * {@link LocalDatastarEventBus}, delivers within this instance; an implementation over a message
 * broker lets a publish on one instance reach the streams held by all of them.
 *
 * <p>Each instance numbers the events it delivers itself, so a client that reconnects to another
 * instance gets a full-state resync rather than a replay.
 */
public interface DatastarEventBus {

	/**
	 * Sends a publication to every instance, this one included, in the order of calls for one
	 * topic. Must not block on slow consumers.
	 */
	void send(DatastarPublication publication);

	/** Registers this instance's broadcaster; called once, before the first {@link #send}. */
	void receive(Consumer<DatastarPublication> receiver);

}
