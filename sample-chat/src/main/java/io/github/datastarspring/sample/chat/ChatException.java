package io.github.datastarspring.sample.chat;

/** A refusal the person at the keyboard should read, as a toast. */
class ChatException extends RuntimeException {

	ChatException(String message) {
		super(message);
	}

}
