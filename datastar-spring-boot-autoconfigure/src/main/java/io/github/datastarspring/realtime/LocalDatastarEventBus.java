package io.github.datastarspring.realtime;

import java.util.function.Consumer;

/** Delivers publications within this application instance, on the publishing thread. */
public class LocalDatastarEventBus implements DatastarEventBus {

	private volatile Consumer<DatastarPublication> receiver = (publication) -> {
	};

	@Override
	public void send(DatastarPublication publication) {
		this.receiver.accept(publication);
	}

	@Override
	public void receive(Consumer<DatastarPublication> receiver) {
		this.receiver = receiver;
	}

}
