package io.github.datastarspring.test;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.assertj.core.api.AbstractObjectAssert;
import org.assertj.core.api.AbstractStringAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ListAssert;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Assertions on one {@link ReceivedEvent}, named after the protocol: {@code isPatchElements()},
 * {@code hasSelector("#list")}, {@code hasSignal("count", 1)}. Failures show the event as it was
 * on the wire.
 */
public class ReceivedEventAssert extends AbstractObjectAssert<ReceivedEventAssert, ReceivedEvent> {

	/** Assertions on {@code actual}; prefer {@link DatastarAssertions#assertThat(ReceivedEvent)}. */
	public ReceivedEventAssert(@Nullable ReceivedEvent actual) {
		super(actual, ReceivedEventAssert.class);
	}

	/** The event is a {@code datastar-patch-elements} event. */
	public ReceivedEventAssert isPatchElements() {
		return hasType(ReceivedEvent.PATCH_ELEMENTS);
	}

	/** The event is a {@code datastar-patch-signals} event. */
	public ReceivedEventAssert isPatchSignals() {
		return hasType(ReceivedEvent.PATCH_SIGNALS);
	}

	/** The event has this type. */
	public ReceivedEventAssert hasType(String type) {
		return expect("type", type, event().type());
	}

	/** The event has this {@code id:}. */
	public ReceivedEventAssert hasId(String id) {
		return expect("id", id, event().id());
	}

	/** The event has no {@code id:} line. */
	public ReceivedEventAssert hasNoId() {
		return expect("id", null, event().id());
	}

	/** The event has this {@code retry:}. */
	public ReceivedEventAssert hasRetry(Duration retry) {
		return expect("retry", retry, event().retry());
	}

	/** The event has no {@code retry:} line: the client's default of 1 s applies. */
	public ReceivedEventAssert hasNoRetry() {
		return expect("retry", null, event().retry());
	}

	/** The event's data lines are exactly these, in order ({@code "elements <p>"}, without {@code data: }). */
	public ReceivedEventAssert hasData(String... lines) {
		return expect("data lines", List.of(lines), event().data());
	}

	/** The element patch has this {@code selector}. */
	public ReceivedEventAssert hasSelector(String selector) {
		return expect("selector", selector, event().selector());
	}

	/** The element patch has no {@code selector}: the client morphs top-level elements by id. */
	public ReceivedEventAssert hasNoSelector() {
		return expect("selector", null, event().selector());
	}

	/** The element patch has this mode ({@code outer}, {@code inner}, {@code append}, {@code remove}, ...). */
	public ReceivedEventAssert hasMode(String mode) {
		return expect("mode", mode, event().mode());
	}

	/** The element patch asks for a view transition. */
	public ReceivedEventAssert usesViewTransition() {
		return expect("useViewTransition", true, event().useViewTransition());
	}

	/** The element patch has this namespace ({@code html}, {@code svg}, {@code mathml}). */
	public ReceivedEventAssert hasNamespace(String namespace) {
		return expect("namespace", namespace, event().namespace());
	}

	/** The element patch carries exactly this HTML (lines joined with {@code \n}). */
	public ReceivedEventAssert hasElements(String html) {
		return expect("elements", html, event().elements());
	}

	/** The element patch carries no HTML (a remove). */
	public ReceivedEventAssert hasNoElements() {
		return expect("elements", null, event().elements());
	}

	/** String assertions on the HTML of the element patch: {@code elements().contains("<li")}. */
	public AbstractStringAssert<?> elements() {
		isNotNull();
		return Assertions.assertThat(event().elements()).as(describe("elements"));
	}

	/** The signal patch equals this JSON, compared as JSON (property order and spacing do not matter). */
	public ReceivedEventAssert hasSignals(String json) {
		JsonNode expected = Json.parse(json);
		JsonNode actual = signalsTree();
		if (!Json.same(expected, actual)) {
			failWithActualExpectedAndMessage(actual, expected, "%nExpected signals%n  %s%nbut got%n  %s%nin event:%n%s",
					expected, actual, this.actual);
		}
		return this;
	}

	/**
	 * The signal at a dotted path ({@code "todo.title"}) has this value, compared as JSON: a
	 * {@code String}, a number, a boolean, a {@code Map}, a record, or {@code null} for a signal the
	 * patch removes.
	 */
	public ReceivedEventAssert hasSignal(String path, @Nullable Object value) {
		JsonNode node = Json.at(signalsTree(), path);
		JsonNode expected = Json.tree(value);
		if (node == null) {
			failWithMessage("%nExpected signal '%s' to be %s but the patch does not have it:%n%s", path, expected,
					this.actual);
		}
		else if (!Json.same(expected, node)) {
			failWithActualExpectedAndMessage(node, expected, "%nExpected signal '%s' to be%n  %s%nbut was%n  %s%nin event:%n%s",
					path, expected, node, this.actual);
		}
		return this;
	}

	/** The signal patch does not mention the signal at this dotted path at all. */
	public ReceivedEventAssert doesNotHaveSignal(String path) {
		JsonNode node = Json.at(signalsTree(), path);
		if (node != null) {
			failWithMessage("%nExpected no signal '%s' but it is %s in event:%n%s", path, node, this.actual);
		}
		return this;
	}

	/** The signal patch is sent with {@code onlyIfMissing true}. */
	public ReceivedEventAssert isOnlyIfMissing() {
		return expect("onlyIfMissing", true, event().onlyIfMissing());
	}

	/** String assertions on the JSON text of the signal patch. */
	public AbstractStringAssert<?> signals() {
		isNotNull();
		return Assertions.assertThat(event().signals()).as(describe("signals"));
	}

	/** List assertions on the values of the data lines that start with {@code key}. */
	public ListAssert<String> data(String key) {
		isNotNull();
		return Assertions.assertThat(event().data(key)).as(describe("'" + key + "' data lines"));
	}

	private JsonNode signalsTree() {
		isPatchSignals();
		String json = event().signals();
		if (json == null) {
			failWithMessage("%nExpected a signal patch with signals but there are none:%n%s", this.actual);
		}
		return Json.parse(Objects.requireNonNull(json));
	}

	private ReceivedEvent event() {
		isNotNull();
		return this.actual;
	}

	private String describe(String what) {
		String description = this.info.descriptionText();
		return ((description == null || description.isEmpty()) ? "" : description + ": ") + what + " of event:\n"
				+ this.actual;
	}

	private ReceivedEventAssert expect(String what, @Nullable Object expected, @Nullable Object actual) {
		if (!Objects.equals(expected, actual)) {
			failWithActualExpectedAndMessage(actual, expected, "%nExpected %s%n  %s%nbut was%n  %s%nin event:%n%s", what,
					show(expected), show(actual), this.actual);
		}
		return this;
	}

	private static String show(@Nullable Object value) {
		return (value == null) ? "(none)" : (value instanceof String s) ? "\"" + s + "\"" : String.valueOf(value);
	}

}
