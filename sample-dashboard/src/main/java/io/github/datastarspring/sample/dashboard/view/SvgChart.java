package io.github.datastarspring.sample.dashboard.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.datastarspring.sample.dashboard.metrics.Range;
import io.github.datastarspring.sample.dashboard.metrics.Series;

/**
 * Draws a time-series chart as inline SVG markup, server side: grid, axis labels, an area and a
 * line per series, a dot on the newest point. No JavaScript; the page morphs the new markup in.
 *
 * <p>The SVG uses a fixed viewBox and scales with its container; every text is escaped.
 */
public final class SvgChart {

	static final int WIDTH = 600;

	static final int HEIGHT = 200;

	private static final double LEFT = 46;

	private static final double RIGHT = WIDTH - 12;

	private static final double TOP = 12;

	private static final double BOTTOM = HEIGHT - 24;

	private static final int GRID_LINES = 4;

	private final String id;

	private final String title;

	private final String unit;

	private final List<Line> lines = new ArrayList<>();

	private double fixedMax;

	private SvgChart(String id, String title, String unit) {
		this.id = id;
		this.title = title;
		this.unit = unit;
	}

	/**
	 * A chart rendered as {@code <figure id="...">}.
	 * @param id element id, the key the page morphs by
	 * @param title caption
	 * @param unit unit shown after values ({@code "req/s"}, {@code "ms"}, {@code "%"})
	 */
	public static SvgChart of(String id, String title, String unit) {
		return new SvgChart(id, title, unit);
	}

	/** Adds a series drawn with CSS class {@code cssClass} (its colour comes from the stylesheet). */
	public SvgChart line(String name, String cssClass, Series series) {
		this.lines.add(new Line(name, cssClass, series));
		return this;
	}

	/** Uses a fixed top of the y axis (100 for percentages) instead of one fitted to the data. */
	public SvgChart max(double max) {
		this.fixedMax = max;
		return this;
	}

	/** The markup, a {@code <figure>} holding a caption and the {@code <svg>}, for {@code range} ending at {@code now}. */
	public String render(Range range, long now) {
		double max = (this.fixedMax > 0) ? this.fixedMax : GRID_LINES * niceStep(dataMax() * 1.1 / GRID_LINES);
		long window = range.window().toMillis();
		long from = now - window;
		StringBuilder svg = new StringBuilder(4096);
		svg.append("<figure id=\"").append(Xml.escape(this.id)).append("\" class=\"chart\" data-range=\"")
			.append(Xml.escape(range.label())).append("\">");
		caption(svg);
		svg.append("<svg viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
			.append("\" role=\"img\" aria-label=\"").append(Xml.escape(this.title + ", last " + range.label()))
			.append("\">");
		grid(svg, max);
		timeAxis(svg, range);
		for (Line line : this.lines) {
			plot(svg, line, from, window, max);
		}
		svg.append("</svg></figure>");
		return svg.toString();
	}

	private void caption(StringBuilder svg) {
		svg.append("<figcaption><span class=\"chart-title\">").append(Xml.escape(this.title)).append("</span>");
		svg.append("<span class=\"legend\">");
		for (Line line : this.lines) {
			svg.append("<span class=\"key ").append(Xml.escape(line.cssClass)).append("\">")
				.append(Xml.escape(line.name)).append(' ')
				.append(Xml.escape(Formats.compact(line.series.last()) + " " + this.unit))
				.append("</span>");
		}
		svg.append("</span></figcaption>");
	}

	private void grid(StringBuilder svg, double max) {
		svg.append("<g class=\"grid\">");
		for (int i = 0; i <= GRID_LINES; i++) {
			double value = max * i / GRID_LINES;
			double y = y(value, max);
			svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(RIGHT).append("\" y1=\"")
				.append(num(y)).append("\" y2=\"").append(num(y)).append("\"/>");
			svg.append("<text class=\"y-label\" x=\"").append(num(LEFT - 6)).append("\" y=\"").append(num(y + 4))
				.append("\">").append(Xml.escape(Formats.compact(value))).append("</text>");
		}
		svg.append("</g>");
	}

	private static void timeAxis(StringBuilder svg, Range range) {
		svg.append("<g class=\"x-axis\">");
		long seconds = range.window().toSeconds();
		for (int i = 0; i <= 4; i++) {
			long ago = seconds * (4 - i) / 4;
			double x = LEFT + (RIGHT - LEFT) * i / 4;
			String anchor = (i == 0) ? "start" : (i == 4) ? "end" : "middle";
			svg.append("<text x=\"").append(num(x)).append("\" y=\"").append(HEIGHT - 6)
				.append("\" text-anchor=\"").append(anchor).append("\">").append(Xml.escape(ago(ago)))
				.append("</text>");
		}
		svg.append("</g>");
	}

	private static void plot(StringBuilder svg, Line line, long from, long window, double max) {
		Series s = line.series;
		StringBuilder path = new StringBuilder(s.size() * 16);
		double firstX = -1;
		double lastX = 0;
		double lastY = 0;
		for (int i = 0; i < s.size(); i++) {
			long t = s.times()[i];
			if (t < from) {
				continue;
			}
			double x = LEFT + (RIGHT - LEFT) * Math.min(1, (double) (t - from) / window);
			double y = y(Math.min(s.values()[i], max), max);
			path.append((firstX < 0) ? 'M' : 'L').append(num(x)).append(',').append(num(y));
			if (firstX < 0) {
				firstX = x;
			}
			lastX = x;
			lastY = y;
		}
		String css = Xml.escape(line.cssClass);
		svg.append("<g class=\"series ").append(css).append("\">");
		if (firstX >= 0) {
			svg.append("<path class=\"area\" d=\"").append(path).append('L').append(num(lastX)).append(',')
				.append(num(BOTTOM)).append('L').append(num(firstX)).append(',').append(num(BOTTOM))
				.append("Z\"/>");
			svg.append("<path class=\"line\" d=\"").append(path).append("\"/>");
			svg.append("<circle r=\"3.5\" cx=\"").append(num(lastX)).append("\" cy=\"").append(num(lastY))
				.append("\"/>");
		}
		svg.append("</g>");
	}

	private double dataMax() {
		double max = 0;
		for (Line line : this.lines) {
			max = Math.max(max, line.series.max());
		}
		return max;
	}

	private static double y(double value, double max) {
		return BOTTOM - (BOTTOM - TOP) * (value / max);
	}

	/**
	 * The smallest of 1, 2, 2.5, 5 times a power of ten that is at least {@code value}, so grid
	 * labels read 0, 250, 500, 750, 1k rather than 0, 625, 1.3k; never below 0.25 (an idle chart).
	 */
	static double niceStep(double value) {
		if (!(value > 0.25)) {
			return 0.25;
		}
		double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
		for (double step : new double[] { 1, 2, 2.5, 5, 10 }) {
			if (step * magnitude >= value) {
				return step * magnitude;
			}
		}
		return 10 * magnitude;
	}

	private static String ago(long seconds) {
		if (seconds == 0) {
			return "now";
		}
		return (seconds % 60 == 0) ? "-" + (seconds / 60) + "m" : "-" + seconds + "s";
	}

	private static String num(double v) {
		return String.format(Locale.ROOT, "%.1f", v);
	}

	private record Line(String name, String cssClass, Series series) {
	}

}
