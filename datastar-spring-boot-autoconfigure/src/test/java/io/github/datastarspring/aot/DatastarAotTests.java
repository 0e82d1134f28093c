package io.github.datastarspring.aot;

import java.util.Map;
import java.util.Optional;

import io.github.datastarspring.DatastarSignals;
import org.apache.catalina.connector.ResponseFacade;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.AotServices;
import org.springframework.beans.factory.aot.BeanRegistrationAotContribution;
import org.springframework.beans.factory.aot.BeanRegistrationAotProcessor;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RegisteredBean;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.javapoet.ClassName;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a native image of an application with the starter needs: reflection on the signal types of
 * its controllers, and on the Tomcat field the abort path reads. Both are found through
 * META-INF/spring/aot.factories, as Spring's AOT processing finds them.
 */
class DatastarAotTests {

	@Test
	void theTomcatAbortPathCanReadTheResponseBehindTheFacade() {
		RuntimeHints hints = new RuntimeHints();
		new DatastarRuntimeHints().registerHints(hints, getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.reflection().onFieldAccess(ResponseFacade.class, "response")).accepts(hints);
	}

	@Test
	void theRegistrarIsListedInAotFactories() {
		assertThat(AotServices.factories().load(RuntimeHintsRegistrar.class).asList())
			.hasAtLeastOneElementOfType(DatastarRuntimeHints.class);
	}

	@Test
	void theProcessorIsListedInAotFactories() {
		assertThat(AotServices.factories().load(BeanRegistrationAotProcessor.class).asList())
			.hasAtLeastOneElementOfType(DatastarSignalsBeanRegistrationAotProcessor.class);
	}

	@Test
	void signalRecordsOfAControllerCanBeBoundByJackson() {
		RuntimeHints hints = process(SignalsController.class);
		assertThat(RuntimeHintsPredicates.reflection().onType(Order.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Order.class, "item")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(Item.class)).accepts(hints);
	}

	@Test
	void theTypeInsideMonoOrOptionalIsTheOneBound() {
		RuntimeHints hints = process(SignalsController.class);
		assertThat(RuntimeHintsPredicates.reflection().onType(Search.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(Filters.class)).accepts(hints);
	}

	@Test
	void beansWithoutSignalParametersContributeNothing() {
		assertThat(contribution(PlainController.class)).isNull();
	}

	private static RuntimeHints process(Class<?> beanClass) {
		BeanRegistrationAotContribution contribution = contribution(beanClass);
		assertThat(contribution).isNotNull();
		DefaultGenerationContext context = new DefaultGenerationContext(
				new ClassNameGenerator(ClassName.get(DatastarAotTests.class)), new InMemoryGeneratedFiles());
		contribution.applyTo(context, null);
		return context.getRuntimeHints();
	}

	private static BeanRegistrationAotContribution contribution(Class<?> beanClass) {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		beanFactory.registerBeanDefinition("controller", new RootBeanDefinition(beanClass));
		return new DatastarSignalsBeanRegistrationAotProcessor()
			.processAheadOfTime(RegisteredBean.of(beanFactory, "controller"));
	}

	record Item(String name, int quantity) {
	}

	record Order(Item item, String note) {
	}

	record Search(String text) {
	}

	record Filters(String status) {
	}

	static class SignalsController {

		@PostMapping("/order")
		String order(@DatastarSignals Order signals) {
			return signals.note();
		}

		@GetMapping("/search")
		Mono<String> search(@DatastarSignals Mono<Search> signals) {
			return signals.map(Search::text);
		}

		@GetMapping("/page")
		String page(@DatastarSignals(required = false) Optional<Filters> filters, Map<String, Object> model) {
			return filters.map(Filters::status).orElse("all");
		}

	}

	static class PlainController {

		@GetMapping("/")
		String page() {
			return "page";
		}

	}

}
