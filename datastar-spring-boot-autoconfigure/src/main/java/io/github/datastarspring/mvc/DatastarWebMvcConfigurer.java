package io.github.datastarspring.mvc;

import java.util.List;

import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.HandlerMethodReturnValueHandler;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;

/**
 * Adds Datastar's argument resolvers, return value handlers and error answers to Spring MVC.
 * {@link DatastarReturnValueHandlerOrdering} then moves the return value handlers ahead of
 * {@code @ResponseBody} handling, so that {@code @RestController}s can return Datastar types too.
 */
final class DatastarWebMvcConfigurer implements WebMvcConfigurer {

	private final List<HandlerMethodArgumentResolver> argumentResolvers;

	private final List<HandlerMethodReturnValueHandler> returnValueHandlers;

	private final HandlerExceptionResolver exceptionResolver;

	private final HandlerInterceptor interceptor;

	DatastarWebMvcConfigurer(List<HandlerMethodArgumentResolver> argumentResolvers,
			List<HandlerMethodReturnValueHandler> returnValueHandlers, HandlerExceptionResolver exceptionResolver,
			HandlerInterceptor interceptor) {
		this.argumentResolvers = List.copyOf(argumentResolvers);
		this.returnValueHandlers = List.copyOf(returnValueHandlers);
		this.exceptionResolver = exceptionResolver;
		this.interceptor = interceptor;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this.interceptor);
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.addAll(this.argumentResolvers);
	}

	@Override
	public void addReturnValueHandlers(List<HandlerMethodReturnValueHandler> handlers) {
		handlers.addAll(this.returnValueHandlers);
	}

	@Override
	public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
		// Right after @ExceptionHandler methods, before Spring's resolvers that answer with a bare status.
		for (int i = 0; i < resolvers.size(); i++) {
			if (resolvers.get(i) instanceof ExceptionHandlerExceptionResolver) {
				resolvers.add(i + 1, this.exceptionResolver);
				return;
			}
		}
		resolvers.add(0, this.exceptionResolver);
	}

}
