package io.github.datastarspring.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One server-sent event as a browser receives it, with the Datastar options of its data lines.
 *
 * <p>Datastar writes each option as a data line {@code <key> <value>}; an option that is absent
 * has its protocol default ({@link #mode()} {@code outer}, {@link #namespace()} {@code html}, and
 * so on), as the client reads it.
 */
public final class ReceivedEvent {

	/** The type of an event without an {@code event:} line, as for browsers. */
	public static final String DEFAULT_TYPE = "message";

	/** The type of an element patch. */
	public static final String PATCH_ELEMENTS = "datastar-patch-elements";

	/** The type of a signal patch. */
	public static final String PATCH_SIGNALS = "datastar-patch-signals";

	private final String type;

	private final boolean typed;

	private final @Nullable String id;

	private final @Nullable Duration retry;

	private final List<String> data;

	ReceivedEvent(@Nullable String type, @Nullable String id, @Nullable Duration retry, List<String> data) {
		this.type = (type != null) ? type : DEFAULT_TYPE;
		this.typed = type != null;
		this.id = id;
		this.retry = retry;
		this.data = List.copyOf(data);
	}

	/** The {@code event:} line, or {@value #DEFAULT_TYPE} without one. */
	public String type() {
		return this.type;
	}

	/** The {@code id:} line, or {@code null} without one. */
	public @Nullable String id() {
		return this.id;
	}

	/** The {@code retry:} line, or {@code null} without one (the client's default applies). */
	public @Nullable Duration retry() {
		return this.retry;
	}

	/** Every {@code data:} line's value, in order. */
	public List<String> data() {
		return this.data;
	}

	/**
	 * The values of the data lines that start with {@code key} and a space (or are only
	 * {@code key}), in order: {@code data("elements")} is the HTML, one entry per line.
	 */
	public List<String> data(String key) {
		List<String> values = new ArrayList<>();
		for (String line : this.data) {
			if (line.equals(key)) {
				values.add("");
			}
			else if (line.startsWith(key) && line.length() > key.length() && line.charAt(key.length()) == ' ') {
				values.add(line.substring(key.length() + 1));
			}
		}
		return values;
	}

	/** Whether this is a {@value #PATCH_ELEMENTS} event. */
	public boolean isPatchElements() {
		return PATCH_ELEMENTS.equals(this.type);
	}

	/** Whether this is a {@value #PATCH_SIGNALS} event. */
	public boolean isPatchSignals() {
		return PATCH_SIGNALS.equals(this.type);
	}

	/** The HTML of an element patch, lines joined with {@code \n}; {@code null} without elements. */
	public @Nullable String elements() {
		return joined("elements");
	}

	/** The {@code selector}, or {@code null} (the client matches top-level elements by id). */
	public @Nullable String selector() {
		return single("selector");
	}

	/** The patch {@code mode}, {@code outer} when absent. */
	public String mode() {
		return Objects.requireNonNullElse(single("mode"), "outer");
	}

	/** Whether the patch asks for a view transition. */
	public boolean useViewTransition() {
		return "true".equals(single("useViewTransition"));
	}

	/** The {@code viewTransitionSelector}, or {@code null}. */
	public @Nullable String viewTransitionSelector() {
		return single("viewTransitionSelector");
	}

	/** The element {@code namespace}, {@code html} when absent. */
	public String namespace() {
		return Objects.requireNonNullElse(single("namespace"), "html");
	}

	/** The JSON text of a signal patch, lines joined with {@code \n}; {@code null} without signals. */
	public @Nullable String signals() {
		return joined("signals");
	}

	/** Whether the signal patch applies only to signals the page does not have yet. */
	public boolean onlyIfMissing() {
		return "true".equals(single("onlyIfMissing"));
	}

	private @Nullable String joined(String key) {
		List<String> lines = data(key);
		return lines.isEmpty() ? null : String.join("\n", lines);
	}

	private @Nullable String single(String key) {
		List<String> values = data(key);
		return values.isEmpty() ? null : values.get(values.size() - 1);
	}

	/** The event as it is written on the wire, ending with the blank line. */
	@Override
	public String toString() {
		StringBuilder text = new StringBuilder();
		if (this.typed) {
			text.append("event: ").append(this.type).append('\n');
		}
		if (this.id != null) {
			text.append("id: ").append(this.id).append('\n');
		}
		if (this.retry != null) {
			text.append("retry: ").append(this.retry.toMillis()).append('\n');
		}
		for (String line : this.data) {
			text.append("data: ").append(line).append('\n');
		}
		return text.append('\n').toString();
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (other instanceof ReceivedEvent that) && this.type.equals(that.type) && Objects.equals(this.id, that.id)
				&& Objects.equals(this.retry, that.retry) && this.data.equals(that.data);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.type, this.id, this.retry, this.data);
	}

}
