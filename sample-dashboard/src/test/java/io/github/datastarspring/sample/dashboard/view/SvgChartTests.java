package io.github.datastarspring.sample.dashboard.view;

import java.io.StringReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import io.github.datastarspring.sample.dashboard.metrics.Range;
import io.github.datastarspring.sample.dashboard.metrics.Series;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

import static org.assertj.core.api.Assertions.assertThat;

class SvgChartTests {

	private static final long NOW = 1_000_000_000L;

	@Test
	void rendersWellFormedMarkupWithOnePathPointPerPointInTheWindow() throws Exception {
		String html = SvgChart.of("chart-x", "Traffic", "req/s").line("Requests", "requests", ramp(60, 1000)).render(Range.ONE_MINUTE, NOW);
		Document doc = parse(html);
		assertThat(doc.getDocumentElement().getAttribute("id")).isEqualTo("chart-x");
		assertThat(doc.getDocumentElement().getAttribute("data-range")).isEqualTo("1m");
		String line = attribute(html, "class=\"line\" d=\"");
		assertThat(line.split("[ML]")).hasSize(60 + 1);
		assertThat(line).endsWith("L588.0," + yOf(59, 80));
	}

	@Test
	void pointsOlderThanTheWindowAreLeftOut() {
		String html = SvgChart.of("c", "T", "u").line("n", "k", ramp(60, 5000)).render(Range.ONE_MINUTE, NOW);
		// 5 s apart over 300 s: only the last 12 fit in one minute (the 13th sits on its left edge)
		assertThat(attribute(html, "class=\"line\" d=\"").split("[ML]")).hasSize(13 + 1);
	}

	@Test
	void escapesEveryText() throws Exception {
		String html = SvgChart.of("c\"x", "<b>Sales & \"Co\"</b>", "'$'").line("<i>", "a\"b", ramp(3, 1000)).render(Range.ONE_MINUTE, NOW);
		assertThat(html).doesNotContain("<b>").doesNotContain("<i>");
		assertThat(html).contains("&lt;b&gt;Sales &amp; &quot;Co&quot;&lt;/b&gt;");
		assertThat(parse(html).getDocumentElement().getAttribute("id")).isEqualTo("c\"x");
	}

	@Test
	void emptySeriesDrawsTheGridOnly() throws Exception {
		String html = SvgChart.of("c", "T", "u").line("n", "k", new Series(new long[0], new double[0])).render(Range.FIFTEEN_MINUTES, NOW);
		parse(html);
		assertThat(html).doesNotContain("<path").contains("-15m").contains("now");
	}

	@Test
	void yAxisUsesRoundSteps() {
		assertThat(SvgChart.niceStep(0)).isEqualTo(0.25);
		assertThat(SvgChart.niceStep(604)).isEqualTo(1000);
		assertThat(SvgChart.niceStep(180)).isEqualTo(200);
		assertThat(SvgChart.niceStep(2100)).isEqualTo(2500);
		assertThat(SvgChart.niceStep(40)).isEqualTo(50);
	}

	private static Series ramp(int n, long spacing) {
		long[] t = new long[n];
		double[] v = new double[n];
		for (int i = 0; i < n; i++) {
			t[i] = NOW - (n - 1 - i) * spacing;
			v[i] = i;
		}
		return new Series(t, v);
	}

	private static String yOf(double v, double max) {
		return String.format(java.util.Locale.ROOT, "%.1f", 176 - 164 * (v / max));
	}

	private static String attribute(String html, String prefix) {
		Matcher m = Pattern.compile(Pattern.quote(prefix) + "([^\"]*)\"").matcher(html);
		assertThat(m.find()).as("markup has " + prefix).isTrue();
		return m.group(1);
	}

	private static Document parse(String html) throws Exception {
		return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(html)));
	}

}
