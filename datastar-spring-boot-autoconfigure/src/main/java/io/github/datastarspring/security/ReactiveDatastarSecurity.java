package io.github.datastarspring.security;

import java.nio.charset.StandardCharsets;

import io.github.datastarspring.core.DatastarEventEncoder;
import io.github.datastarspring.core.DatastarHeaders;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.authorization.HttpStatusServerAccessDeniedHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.csrf.CsrfException;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestHandler;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;

/**
 * The WebFlux side of the Spring Security integration, the same behaviour as on Spring MVC: the
 * login answer for Datastar requests without a login or with a stale CSRF token, the
 * access-denied patch, and the CSRF token read from the signals.
 */
final class ReactiveDatastarSecurity {

	private static final String BODY_ATTRIBUTE = ReactiveDatastarSecurity.class.getName() + ".body";

	private final DatastarSecurityAnswers answers;

	private final String signal;

	private final JsonMapper json;

	private final int maxBytes;

	private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

	private final ServerAccessDeniedHandler others = new HttpStatusServerAccessDeniedHandler(HttpStatus.FORBIDDEN);

	ReactiveDatastarSecurity(DatastarEventEncoder encoder, DatastarSecurityProperties properties, JsonMapper json,
			long maxBytes) {
		this.answers = new DatastarSecurityAnswers(encoder, properties);
		this.signal = properties.csrf().signal();
		this.json = json;
		this.maxBytes = (int) Math.min(maxBytes, Integer.MAX_VALUE - 8);
	}

	static boolean isDatastarRequest(ServerWebExchange exchange) {
		return DatastarSecurityAnswers
			.isDatastarRequest(exchange.getRequest().getHeaders().getFirst(DatastarHeaders.DATASTAR_REQUEST));
	}

	/** Next to the exception translation: refusals of Datastar requests get Datastar answers. */
	WebFilter refusals() {
		return (exchange, chain) -> {
			if (!isDatastarRequest(exchange)) {
				return chain.filter(exchange);
			}
			return chain.filter(exchange)
				.onErrorResume(AuthenticationException.class, (ex) -> write(exchange, this.answers.loginRequired()))
				.onErrorResume(AccessDeniedException.class, (ex) -> denied(exchange, ex));
		};
	}

	/** For the CSRF filter: a stale token on a Datastar request reloads the page; others get 403. */
	ServerAccessDeniedHandler csrfRefusals() {
		return (exchange, ex) -> isDatastarRequest(exchange) ? denied(exchange, ex) : this.others.handle(exchange, ex);
	}

	private Mono<Void> denied(ServerWebExchange exchange, AccessDeniedException ex) {
		if (ex instanceof CsrfException) {
			return write(exchange, this.answers.loginRequired());
		}
		return ReactiveSecurityContextHolder.getContext()
			.map(SecurityContext::getAuthentication)
			.map(this.trust::isAuthenticated)
			.defaultIfEmpty(false)
			.flatMap((authenticated) -> write(exchange,
					authenticated ? this.answers.accessDenied() : this.answers.loginRequired()));
	}

	/** Before the CSRF filter: keeps a Datastar request's JSON body for the CSRF check and the controller. */
	WebFilter bodyCaching() {
		return (exchange, chain) -> {
			ServerHttpRequest request = exchange.getRequest();
			MediaType type = request.getHeaders().getContentType();
			if (!isDatastarRequest(exchange) || type == null || !MediaType.APPLICATION_JSON.isCompatibleWith(type)
					|| HttpMethod.GET.equals(request.getMethod())) {
				return chain.filter(exchange);
			}
			return DataBufferUtils.join(request.getBody(), this.maxBytes)
				.map(ReactiveDatastarSecurity::bytes)
				.defaultIfEmpty(new byte[0])
				.flatMap((body) -> {
					exchange.getAttributes().put(BODY_ATTRIBUTE, body);
					ServerHttpRequest replaying = new ServerHttpRequestDecorator(request) {
						@Override
						public Flux<DataBuffer> getBody() {
							return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
						}
					};
					return chain.filter(exchange.mutate().request(replaying).build());
				})
				.onErrorResume(DataBufferLimitException.class, (ex) -> {
					exchange.getResponse().setStatusCode(HttpStatus.CONTENT_TOO_LARGE);
					return exchange.getResponse().setComplete();
				});
		};
	}

	/** Spring Security's default token handling, with the token also found in the signals. */
	ServerCsrfTokenRequestHandler csrfTokens() {
		XorServerCsrfTokenRequestAttributeHandler delegate = new XorServerCsrfTokenRequestAttributeHandler();
		return new ServerCsrfTokenRequestHandler() {
			@Override
			public void handle(ServerWebExchange exchange, Mono<CsrfToken> csrfToken) {
				delegate.handle(exchange, csrfToken);
			}

			@Override
			public Mono<String> resolveCsrfTokenValue(ServerWebExchange exchange, CsrfToken csrfToken) {
				return delegate.resolveCsrfTokenValue(exchange, csrfToken).switchIfEmpty(Mono.defer(() -> {
					String value = isDatastarRequest(exchange) ? fromSignals(exchange) : null;
					if (value == null) {
						return Mono.empty();
					}
					ServerWebExchange withHeader = exchange.mutate()
						.request((r) -> r.headers((h) -> h.set(csrfToken.getHeaderName(), value)))
						.build();
					return delegate.resolveCsrfTokenValue(withHeader, csrfToken);
				}));
			}
		};
	}

	private String fromSignals(ServerWebExchange exchange) {
		String text = exchange.getRequest().getQueryParams().getFirst(DatastarHeaders.SIGNALS_PARAMETER);
		if (text == null) {
			byte[] body = exchange.getAttribute(BODY_ATTRIBUTE);
			text = (body != null) ? new String(body, StandardCharsets.UTF_8) : null;
		}
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			JsonNode token = this.json.readTree(text).get(this.signal);
			return (token != null && token.isString()) ? token.asString() : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static byte[] bytes(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	private static Mono<Void> write(ServerWebExchange exchange, byte[] event) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.empty();
		}
		response.setStatusCode(HttpStatus.OK);
		response.getHeaders().setContentType(new MediaType("text", "event-stream", StandardCharsets.UTF_8));
		response.getHeaders().setCacheControl("no-cache");
		return response.writeWith(Mono.just(response.bufferFactory().wrap(event)));
	}


}
