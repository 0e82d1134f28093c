package io.github.datastarspring.sample.todomvc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class InMemoryTodoStoreTests {

	private final TodoStore store = new InMemoryTodoStore(new TodoLimits(100, 100_000));

	@Test
	void unknownListIsEmpty() {
		TodoList list = this.store.find("nobody");
		assertThat(list.name()).isEqualTo("nobody");
		assertThat(list.isEmpty()).isTrue();
		assertThat(list.allCompleted()).isFalse();
	}

	@Test
	void addsInOrderWithFreshIds() {
		Todo first = this.store.add("a", "milk");
		Todo second = this.store.add("a", "eggs");
		assertThat(second.id()).isGreaterThan(first.id());
		assertThat(this.store.find("a").todos()).extracting(Todo::title).containsExactly("milk", "eggs");
		assertThat(this.store.find("a").activeCount()).isEqualTo(2);
	}

	@Test
	void listsAreSeparate() {
		this.store.add("a", "milk");
		assertThat(this.store.find("b").isEmpty()).isTrue();
	}

	@Test
	void idsAreNeverReused() {
		Todo first = this.store.add("a", "milk");
		this.store.delete("a", first.id());
		assertThat(this.store.add("a", "eggs").id()).isNotEqualTo(first.id());
	}

	@Test
	void togglesRenamesAndDeletes() {
		Todo todo = this.store.add("a", "milk");
		assertThat(this.store.toggle("a", todo.id()).completed()).isTrue();
		assertThat(this.store.rename("a", todo.id(), "oat milk")).isEqualTo(new Todo(todo.id(), "oat milk", true));
		assertThat(this.store.toggle("a", todo.id()).completed()).isFalse();
		this.store.delete("a", todo.id());
		assertThat(this.store.find("a").isEmpty()).isTrue();
	}

	@Test
	void unknownIdsAreRefused() {
		Todo todo = this.store.add("a", "milk");
		assertThatExceptionOfType(TodoNotFoundException.class).isThrownBy(() -> this.store.toggle("a", 99))
			.withMessage("No todo 99 in list 'a'");
		assertThatExceptionOfType(TodoNotFoundException.class).isThrownBy(() -> this.store.rename("a", 99, "x"));
		assertThatExceptionOfType(TodoNotFoundException.class).isThrownBy(() -> this.store.delete("a", 99));
		assertThatExceptionOfType(TodoNotFoundException.class).isThrownBy(() -> this.store.delete("b", todo.id()));
		assertThat(this.store.find("a").todos()).containsExactly(todo);
	}

	@Test
	void commandsAboutUnknownListsChangeNothing() {
		this.store.toggleAll("nobody");
		assertThat(this.store.clearCompleted("nobody")).isZero();
		assertThatExceptionOfType(TodoNotFoundException.class).isThrownBy(() -> this.store.toggle("nobody", 1))
			.withMessage("No todo 1 in list 'nobody'");
		assertThat(this.store.find("nobody").isEmpty()).isTrue();
	}

	@Test
	void toggleAllCompletesEverythingThenReopensEverything() {
		this.store.add("a", "milk");
		Todo eggs = this.store.add("a", "eggs");
		this.store.toggle("a", eggs.id());
		this.store.toggleAll("a");
		assertThat(this.store.find("a").allCompleted()).isTrue();
		this.store.toggleAll("a");
		assertThat(this.store.find("a").activeCount()).isEqualTo(2);
	}

	@Test
	void clearCompletedRemovesOnlyCompleted() {
		Todo milk = this.store.add("a", "milk");
		this.store.toggle("a", this.store.add("a", "eggs").id());
		assertThat(this.store.clearCompleted("a")).isEqualTo(1);
		assertThat(this.store.find("a").todos()).containsExactly(milk);
		assertThat(this.store.clearCompleted("a")).isZero();
	}

	@Test
	void snapshotsDoNotChangeAfterwards() {
		this.store.add("a", "milk");
		TodoList before = this.store.find("a");
		this.store.add("a", "eggs");
		assertThat(before.todos()).hasSize(1);
	}

	@Test
	void concurrentEditsFromManyClientsNeverCorruptTheList() throws Exception {
		int clients = 16;
		int perClient = 500;
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<List<Long>>> kept = new ArrayList<>();
		try {
			for (int c = 0; c < clients; c++) {
				int client = c;
				Callable<List<Long>> work = () -> {
					start.await();
					List<Long> mine = new ArrayList<>();
					for (int i = 0; i < perClient; i++) {
						Todo todo = this.store.add("shared", "client " + client + " todo " + i);
						this.store.toggle("shared", todo.id());
						if (i % 2 == 0) {
							this.store.delete("shared", todo.id());
						}
						else {
							this.store.rename("shared", todo.id(), "renamed " + todo.id());
							mine.add(todo.id());
						}
						if (i % 50 == 0) {
							this.store.toggleAll("shared");
							this.store.find("shared");
						}
					}
					return mine;
				};
				kept.add(pool.submit(work));
			}
			start.countDown();
			List<Long> expected = new ArrayList<>();
			for (Future<List<Long>> future : kept) {
				expected.addAll(future.get(30, TimeUnit.SECONDS));
			}
			TodoList list = this.store.find("shared");
			assertThat(list.todos()).extracting(Todo::id).containsExactlyInAnyOrderElementsOf(expected);
			assertThat(list.todos()).extracting(Todo::id).doesNotHaveDuplicates().isSorted();
			assertThat(list.todos()).allSatisfy((todo) -> assertThat(todo.title()).isEqualTo("renamed " + todo.id()));
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aFullListOrAFullStoreRefusesClearlyAndKeepsWhatItHas() {
		TodoStore small = new InMemoryTodoStore(new TodoLimits(2, 3));
		for (int i = 0; i < 3; i++) {
			small.add("a", "todo " + i);
		}
		assertThatExceptionOfType(TodoLimitException.class).isThrownBy(() -> small.add("a", "one more"))
			.withMessage("List 'a' is full: it can hold at most 3 todos");
		assertThat(small.find("a").todos()).hasSize(3);
		small.add("b", "other list");
		assertThatExceptionOfType(TodoLimitException.class).isThrownBy(() -> small.add("c", "third list"))
			.withMessageContaining("at most 2 lists");
		assertThat(small.find("c").todos()).isEmpty();
		// Room again after deleting: the cap is on what is kept, not on what was ever added.
		small.delete("a", small.find("a").todos().get(0).id());
		small.add("a", "fits again");
	}

}
