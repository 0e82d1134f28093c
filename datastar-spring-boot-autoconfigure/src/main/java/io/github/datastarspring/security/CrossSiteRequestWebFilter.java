package io.github.datastarspring.security;

import java.nio.charset.StandardCharsets;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/** The reactive {@link CrossSiteRequestFilter}: runs first, on every path. */
public class CrossSiteRequestWebFilter implements WebFilter, Ordered {

	private final CrossSiteRequests rule;

	public CrossSiteRequestWebFilter(DatastarSecurityProperties.CrossSite properties) {
		this.rule = new CrossSiteRequests(properties.trustedOrigins());
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		HttpHeaders headers = request.getHeaders();
		String host = headers.getFirst(HttpHeaders.HOST);
		if (host == null) {
			// HTTP/2 carries the host as :authority, which servers expose through the URI.
			host = request.getURI().getRawAuthority();
		}
		if (this.rule.refuse(request.getMethod().name(), headers.getFirst("Sec-Fetch-Site"),
				headers.getFirst(HttpHeaders.ORIGIN), host)) {
			ServerHttpResponse response = exchange.getResponse();
			response.setStatusCode(HttpStatus.FORBIDDEN);
			response.getHeaders().setContentType(new MediaType("text", "plain", StandardCharsets.UTF_8));
			DataBuffer body = response.bufferFactory().wrap("Cross-site request refused".getBytes(StandardCharsets.UTF_8));
			return response.writeWith(Mono.just(body));
		}
		return chain.filter(exchange);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
