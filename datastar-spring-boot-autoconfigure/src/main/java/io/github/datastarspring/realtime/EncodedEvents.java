package io.github.datastarspring.realtime;

/** Looking into encoded events, for the hub's own subscribers (presence, session ends). */
final class EncodedEvents {

	private EncodedEvents() {
	}

	/** Where {@code needle} first occurs in {@code haystack}, or -1. */
	static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
