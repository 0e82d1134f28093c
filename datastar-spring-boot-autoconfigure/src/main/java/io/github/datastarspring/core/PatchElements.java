package io.github.datastarspring.core;

import java.time.Duration;
import java.util.Objects;

/**
 * A {@code datastar-patch-elements} event: HTML to morph into the page, or a selector to remove.
 *
 * <pre>{@code
 * PatchElements.builder().elements("<li>new</li>").selector("#list").mode(ElementPatchMode.APPEND).build();
 * }</pre>
 */
public final class PatchElements implements DatastarEvent {

	private final String elements;

	private final String selector;

	private final ElementPatchMode mode;

	private final boolean useViewTransition;

	private final String viewTransitionSelector;

	private final ElementNamespace namespace;

	private final String eventId;

	private final Duration retry;

	private PatchElements(Builder b) {
		this.elements = (b.elements == null || b.elements.isEmpty()) ? null : b.elements;
		this.selector = SingleLine.require("selector", emptyToNull(b.selector));
		this.mode = Objects.requireNonNull(b.mode, "mode");
		this.useViewTransition = b.useViewTransition;
		this.viewTransitionSelector = SingleLine.require("viewTransitionSelector",
				emptyToNull(b.viewTransitionSelector));
		this.namespace = Objects.requireNonNull(b.namespace, "namespace");
		this.eventId = SingleLine.require("eventId", emptyToNull(b.eventId));
		this.retry = SingleLine.requireRetry(b.retry);
		if (this.selector == null && this.mode != ElementPatchMode.OUTER && this.mode != ElementPatchMode.REPLACE) {
			// The client throws PatchElementsExpectedSelector; fail where the mistake is made.
			throw new IllegalArgumentException("Datastar mode '" + this.mode.wireName() + "' needs a selector");
		}
	}

	/** Morphs {@code html} into the page; top-level elements are matched by their {@code id}. */
	public static PatchElements of(String html) {
		return builder().elements(html).build();
	}

	public static Builder builder() {
		return new Builder();
	}

	/** A builder that starts from this event's values. */
	public Builder toBuilder() {
		Builder b = new Builder();
		b.elements = this.elements;
		b.selector = this.selector;
		b.mode = this.mode;
		b.useViewTransition = this.useViewTransition;
		b.viewTransitionSelector = this.viewTransitionSelector;
		b.namespace = this.namespace;
		b.eventId = this.eventId;
		b.retry = this.retry;
		return b;
	}

	@Override
	public EventType type() {
		return EventType.PATCH_ELEMENTS;
	}

	/** The HTML, or {@code null} when there is none (for example with {@link ElementPatchMode#REMOVE}). */
	public String elements() {
		return this.elements;
	}

	public String selector() {
		return this.selector;
	}

	public ElementPatchMode mode() {
		return this.mode;
	}

	public boolean useViewTransition() {
		return this.useViewTransition;
	}

	public String viewTransitionSelector() {
		return this.viewTransitionSelector;
	}

	public ElementNamespace namespace() {
		return this.namespace;
	}

	@Override
	public String eventId() {
		return this.eventId;
	}

	@Override
	public Duration retry() {
		return this.retry;
	}

	@Override
	public PatchElements withEventId(String eventId) {
		return toBuilder().eventId(eventId).build();
	}

	@Override
	public boolean equals(Object o) {
		return this == o || (o instanceof PatchElements p && this.useViewTransition == p.useViewTransition
				&& Objects.equals(this.elements, p.elements) && Objects.equals(this.selector, p.selector)
				&& this.mode == p.mode && Objects.equals(this.viewTransitionSelector, p.viewTransitionSelector)
				&& this.namespace == p.namespace && Objects.equals(this.eventId, p.eventId)
				&& Objects.equals(this.retry, p.retry));
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.elements, this.selector, this.mode, this.useViewTransition, this.namespace,
				this.eventId);
	}

	@Override
	public String toString() {
		return "PatchElements[selector=" + this.selector + ", mode=" + this.mode.wireName() + ", eventId="
				+ this.eventId + ", elements=" + abbreviate(this.elements) + "]";
	}

	static String abbreviate(String s) {
		return (s == null || s.length() <= 80) ? s : s.substring(0, 77) + "...";
	}

	private static String emptyToNull(String s) {
		return (s == null || s.isEmpty()) ? null : s;
	}

	/** Builds a {@link PatchElements}; every option starts at its protocol default. */
	public static final class Builder {

		private String elements;

		private String selector;

		private ElementPatchMode mode = ElementPatchMode.OUTER;

		private boolean useViewTransition;

		private String viewTransitionSelector;

		private ElementNamespace namespace = ElementNamespace.HTML;

		private String eventId;

		private Duration retry;

		private Builder() {
		}

		/** The HTML; may span many lines, which are kept exactly. */
		public Builder elements(String elements) {
			this.elements = elements;
			return this;
		}

		/** A CSS selector for the target; without one, elements are matched by id. */
		public Builder selector(String selector) {
			this.selector = selector;
			return this;
		}

		/** Shorthand for the selector {@code #id}. */
		public Builder selectorId(String id) {
			return selector("#" + id);
		}

		public Builder mode(ElementPatchMode mode) {
			this.mode = mode;
			return this;
		}

		public Builder useViewTransition(boolean useViewTransition) {
			this.useViewTransition = useViewTransition;
			return this;
		}

		/** The element the view transition runs on; written only with {@code useViewTransition}. */
		public Builder viewTransitionSelector(String viewTransitionSelector) {
			this.viewTransitionSelector = viewTransitionSelector;
			return this;
		}

		public Builder namespace(ElementNamespace namespace) {
			this.namespace = namespace;
			return this;
		}

		public Builder eventId(String eventId) {
			this.eventId = eventId;
			return this;
		}

		public Builder retry(Duration retry) {
			this.retry = retry;
			return this;
		}

		/** @throws IllegalArgumentException when an option is invalid (CR/LF, mode without selector) */
		public PatchElements build() {
			return new PatchElements(this);
		}

	}

}
