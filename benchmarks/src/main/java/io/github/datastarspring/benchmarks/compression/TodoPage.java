package io.github.datastarspring.benchmarks.compression;

/**
 * A TodoMVC list of 100 todos rendered whole, as a fat-morph server sends it after every change; the
 * markup of each item follows what sample-todomvc renders.
 */
public final class TodoPage {

	private final boolean[] completed;

	public TodoPage() {
		this(100);
	}

	public TodoPage(int todos) {
		this.completed = new boolean[todos];
	}

	public void toggle(int i) {
		this.completed[i % this.completed.length] ^= true;
	}

	public String render() {
		StringBuilder sb = new StringBuilder(24_000);
		int left = 0;
		for (boolean c : this.completed) {
			left += c ? 0 : 1;
		}
		sb.append("<section id=\"todoapp\" class=\"todoapp\">\n");
		sb.append("  <header class=\"header\"><h1>todos</h1>\n");
		sb.append("    <input class=\"new-todo\" placeholder=\"What needs to be done?\" data-bind:input")
			.append(" data-on:keydown=\"evt.key === 'Enter' && @post('/todos')\" autofocus>\n");
		sb.append("  </header>\n  <section class=\"main\">\n");
		sb.append("    <input id=\"toggle-all\" class=\"toggle-all\" type=\"checkbox\" data-on:click=\"@post('/todos/toggle-all')\">\n");
		sb.append("    <label for=\"toggle-all\">Mark all as complete</label>\n    <ul class=\"todo-list\">\n");
		for (int i = 0; i < this.completed.length; i++) {
			// The markup of sample-todomvc's rendered list item (indicators, classes, edit box).
			boolean c = this.completed[i];
			String url = "/lists/default/todos/" + i;
			sb.append("      <li id=\"todo-").append(i).append('"').append(c ? " class=\"completed\"" : "")
				.append(" data-class=\"{editing: $_editing === ").append(i).append(", busy: $_busy.t").append(i)
				.append("}\" data-show=\"$_filter !== '").append(c ? "active" : "completed").append("'\">\n");
			sb.append("        <div class=\"view\">\n");
			sb.append("          <input class=\"toggle\" type=\"checkbox\"").append(c ? " checked=\"checked\"" : "")
				.append(" data-indicator=\"_busy.t").append(i).append("\" data-on:click__prevent=\"@post('")
				.append(url).append("/toggle')\">\n");
			sb.append("          <label data-on:dblclick=\"$draft = el.textContent; $_editing = ").append(i)
				.append("\">Todo number ").append(i).append(": buy ").append(i * 7 % 13 + 1)
				.append(" things at the shop</label>\n");
			sb.append("          <button class=\"destroy\" data-indicator=\"_busy.t").append(i)
				.append("\" data-on:click=\"@delete('").append(url).append("')\"></button>\n");
			sb.append("        </div>\n");
			sb.append("        <input class=\"edit\" data-bind:draft data-indicator=\"_busy.t").append(i)
				.append("\" data-effect=\"$_editing === ").append(i).append(" && el.focus()\"")
				.append(" data-on:keydown=\"evt.key === 'Enter' && el.blur(); evt.key === 'Escape' && ($_editing = 0)\"")
				.append(" data-on:blur=\"$_editing === ").append(i).append(" && @put('").append(url).append("')\">\n");
			sb.append("      </li>\n");
		}
		sb.append("    </ul>\n  </section>\n  <footer class=\"footer\">\n");
		sb.append("    <span class=\"todo-count\"><strong>").append(left).append("</strong> items left</span>\n");
		sb.append("    <ul class=\"filters\"><li><a class=\"selected\" href=\"#/\">All</a></li>")
			.append("<li><a href=\"#/active\">Active</a></li><li><a href=\"#/completed\">Completed</a></li></ul>\n");
		sb.append("    <button class=\"clear-completed\" data-on:click=\"@post('/todos/clear-completed')\">Clear completed</button>\n");
		sb.append("  </footer>\n</section>");
		return sb.toString();
	}

}
