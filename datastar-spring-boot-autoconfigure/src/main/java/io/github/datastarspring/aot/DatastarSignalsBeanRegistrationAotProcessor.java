package io.github.datastarspring.aot;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import io.github.datastarspring.DatastarSignals;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.beans.factory.aot.BeanRegistrationAotContribution;
import org.springframework.beans.factory.aot.BeanRegistrationAotProcessor;
import org.springframework.beans.factory.support.RegisteredBean;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Signals are bound by Jackson, reflectively, into the types of {@code @DatastarSignals}
 * parameters. Spring registers such hints for {@code @RequestBody} parameters only, so this
 * processor does the same for every bean method with a {@code @DatastarSignals} parameter
 * (records, beans, their nested types and generics, and the {@code T} of {@code Mono<T>} or
 * {@code Optional<T>}).
 */
class DatastarSignalsBeanRegistrationAotProcessor implements BeanRegistrationAotProcessor {

	private static final String PUBLISHER = "org.reactivestreams.Publisher";

	private final BindingReflectionHintsRegistrar bindingHints = new BindingReflectionHintsRegistrar();

	@Override
	public @Nullable BeanRegistrationAotContribution processAheadOfTime(RegisteredBean registeredBean) {
		Set<Type> types = signalTypes(ClassUtils.getUserClass(registeredBean.getBeanClass()));
		if (types.isEmpty()) {
			return null;
		}
		return (generationContext, code) -> this.bindingHints
			.registerReflectionHints(generationContext.getRuntimeHints().reflection(), types.toArray(Type[]::new));
	}

	/** The types that signals are bound to in the methods of {@code beanClass}. */
	static Set<Type> signalTypes(Class<?> beanClass) {
		Set<Type> types = new LinkedHashSet<>();
		ReflectionUtils.doWithMethods(beanClass, (method) -> addSignalTypes(method, types),
				ReflectionUtils.USER_DECLARED_METHODS);
		return types;
	}

	private static void addSignalTypes(Method method, Set<Type> types) {
		for (int i = 0; i < method.getParameterCount(); i++) {
			MethodParameter parameter = new MethodParameter(method, i);
			if (parameter.hasParameterAnnotation(DatastarSignals.class)) {
				types.add(bound(ResolvableType.forMethodParameter(parameter)).getType());
			}
		}
	}

	/** The type Jackson binds: the {@code T} of {@code Optional<T>}, {@code Mono<T>} and other publishers. */
	private static ResolvableType bound(ResolvableType type) {
		Class<?> raw = type.resolve(Object.class);
		boolean wrapper = raw == Optional.class || isPublisher(raw);
		return (wrapper && type.hasGenerics()) ? type.getGeneric(0) : type;
	}

	private static boolean isPublisher(@Nullable Class<?> type) {
		if (type == null || type == Object.class) {
			return false;
		}
		if (type.getName().equals(PUBLISHER)) {
			return true;
		}
		for (Class<?> implemented : type.getInterfaces()) {
			if (isPublisher(implemented)) {
				return true;
			}
		}
		return isPublisher(type.getSuperclass());
	}

}
