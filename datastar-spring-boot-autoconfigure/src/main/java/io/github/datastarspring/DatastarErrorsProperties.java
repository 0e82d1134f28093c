package io.github.datastarspring;

import io.github.datastarspring.core.ElementPatchMode;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Errors the person at the keyboard sees. The Datastar client ignores the body of any answer
 * whose status is not 200, so for Datastar requests an exception becomes a 200 answer with
 * events: an element patched into the page (by default a toast appended to {@code body}) or a
 * signal, and optionally a {@code console.error}.
 *
 * @param enabled turn exceptions of Datastar requests into events; when 'false' they keep their
 * status and Spring's handling (the client then only fires a 'datastar-fetch' 'error' event with
 * the status)
 * @param selector CSS selector of the element the error is patched into (a toast region)
 * @param mode how the error element is patched into 'selector'
 * @param template template (or fragment, 'fragments :: error') rendered with the model attribute
 * 'error' (a DatastarError) instead of the built-in element; unset means the built-in toast
 * @param signal name of a signal that receives '{status, message}' instead of an element; unset
 * means an element is patched
 * @param console also log the error in the browser's console; unset means only when Spring Boot
 * DevTools is on the classpath (development)
 * @param serverErrorMessage what the person sees for an unexpected exception (a 500), whose own
 * message is never shown
 */
@ConfigurationProperties("datastar.errors")
public record DatastarErrorsProperties(@DefaultValue("true") boolean enabled, @DefaultValue("body") String selector,
		@DefaultValue("append") ElementPatchMode mode, @Nullable String template, @Nullable String signal,
		@Nullable Boolean console,
		@DefaultValue("Something went wrong, please try again.") String serverErrorMessage) {

}
