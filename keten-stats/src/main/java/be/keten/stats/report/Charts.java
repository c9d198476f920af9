package be.keten.stats.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.Rectangle;
import java.text.NumberFormat;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import org.jfree.svg.ViewBox;

/**
 * Charts as SVG (JFreeChart drawn on JFreeSVG): inline in the HTML, embedded as vectors in the PDF.
 * A missing value (a month not reached or without data) draws nothing, never a zero bar. Colours
 * are the Okabe–Ito palette, which stays distinct for colour-blind readers.
 */
final class Charts {
    static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73), new Color(0xD55E00),
        new Color(0xCC79A7), new Color(0x56B4E9), new Color(0x999999), new Color(0xF0E442)};
    private static final Color GRID = new Color(0xD9D9D9);
    private static final Color TEXT = new Color(0x222222);

    static {
        // Charts are drawn off screen; a server or CI machine has no display.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private Charts() {
    }

    /** Bars per category and series (grouped, or stacked); null values draw no bar. */
    static Svg bars(List<String> categories, Map<String, List<Long>> series, boolean stacked, String valueAxis, Messages m,
                       int width, int height) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        series.forEach((name, values) -> {
            for (int i = 0; i < categories.size(); i++) {
                data.addValue(values.get(i), name, categories.get(i));
            }
        });
        JFreeChart chart = stacked
                ? ChartFactory.createStackedBarChart(null, null, valueAxis, data, PlotOrientation.VERTICAL, true, false, false)
                : ChartFactory.createBarChart(null, null, valueAxis, data, PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot plot = style(chart);
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(false);
        r.setItemMargin(0.04);
        r.setMaximumBarWidth(stacked ? 0.06 : 0.04);
        paintSeries(r::setSeriesPaint, series.size());
        ((NumberAxis) plot.getRangeAxis()).setNumberFormatOverride(NumberFormat.getIntegerInstance(m.locale()));
        ((NumberAxis) plot.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits(m.locale()));
        zeroBaseline((NumberAxis) plot.getRangeAxis(), series.values());
        return svg(chart, width, height);
    }

    /** Lines per series over the categories; null values leave a gap. */
    static Svg lines(List<String> categories, Map<String, List<? extends Number>> series, boolean percent, String valueAxis,
                        Messages m, int width, int height) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        series.forEach((name, values) -> {
            for (int i = 0; i < categories.size(); i++) {
                data.addValue(values.get(i), name, categories.get(i));
            }
        });
        JFreeChart chart = ChartFactory.createLineChart(null, null, valueAxis, data, PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot plot = style(chart);
        LineAndShapeRenderer r = (LineAndShapeRenderer) plot.getRenderer();
        r.setDefaultShapesVisible(true);
        for (int i = 0; i < series.size(); i++) {
            r.setSeriesStroke(i, new BasicStroke(2.2f));
        }
        paintSeries(r::setSeriesPaint, series.size());
        NumberAxis axis = (NumberAxis) plot.getRangeAxis();
        if (percent) {
            NumberFormat f = NumberFormat.getPercentInstance(m.locale());
            axis.setNumberFormatOverride(f);
            axis.setRange(0, 1);
        } else {
            axis.setNumberFormatOverride(NumberFormat.getIntegerInstance(m.locale()));
            axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits(m.locale()));
            axis.setAutoRangeIncludesZero(true);
            zeroBaseline(axis, series.values());
        }
        return svg(chart, width, height);
    }

    /**
     * When every value is 0 (a covered month in which nothing happened), JFreeChart centres the
     * axis on zero and draws a lone "0" in mid-air; the figures are counts, so the axis starts at 0.
     */
    private static void zeroBaseline(NumberAxis axis, Collection<? extends List<? extends Number>> series) {
        boolean allZero = series.stream().flatMap(List::stream).filter(Objects::nonNull).allMatch(v -> v.doubleValue() == 0);
        if (allZero) {
            axis.setRange(0, 1);
        }
    }

    private interface SeriesPaint {
        void set(int series, Paint paint);
    }

    private static void paintSeries(SeriesPaint p, int n) {
        for (int i = 0; i < n; i++) {
            p.set(i, PALETTE[i % PALETTE.length]);
        }
    }

    private static CategoryPlot style(JFreeChart chart) {
        StandardChartTheme theme = new StandardChartTheme("keten");
        theme.setExtraLargeFont(Fonts.awt(true, 14f));
        theme.setLargeFont(Fonts.awt(true, 12f));
        theme.setRegularFont(Fonts.awt(false, 11f));
        theme.setSmallFont(Fonts.awt(false, 10f));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setLegendBackgroundPaint(Color.WHITE);
        theme.setAxisLabelPaint(TEXT);
        theme.setTickLabelPaint(TEXT);
        theme.setLegendItemPaint(TEXT);
        theme.setRangeGridlinePaint(GRID);
        theme.setDomainGridlinePaint(GRID);
        theme.setShadowVisible(false);
        theme.setBarPainter(new StandardBarPainter());
        theme.apply(chart);
        chart.setBorderVisible(false);
        chart.setAntiAlias(true);
        chart.setPadding(new RectangleInsets(4, 2, 2, 8));
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setOutlineVisible(false);
        plot.setRangeGridlinesVisible(true);
        plot.setRangeGridlineStroke(new BasicStroke(0.6f));
        plot.setDomainGridlinesVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        CategoryAxis domain = plot.getDomainAxis();
        domain.setCategoryMargin(0.18);
        domain.setLowerMargin(0.01);
        domain.setUpperMargin(0.01);
        domain.setAxisLinePaint(TEXT);
        domain.setTickMarksVisible(false);
        plot.getRangeAxis().setAxisLineVisible(false);
        plot.getRangeAxis().setTickMarksVisible(false);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setFrame(BlockBorder.NONE);
        legend.setItemFont(Fonts.awt(false, 11f));
        return plot;
    }

    /** The chart for screens (text as text) and for print (text as outlines). */
    record Svg(String screen, String print) {
    }

    private static Svg svg(JFreeChart chart, int width, int height) {
        return new Svg(svg(chart, width, height, false), svg(chart, width, height, true));
    }

    private static String svg(JFreeChart chart, int width, int height, boolean outlines) {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        if (outlines) {
            g2.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, SVGHints.VALUE_DRAW_STRING_TYPE_VECTOR);
        }
        // Chart text names the shipped font first, then what a browser or PDF renderer has.
        g2.setFontFunction(family -> family.startsWith("DejaVu") ? Fonts.CSS_STACK.replace("'", "") : family);
        chart.draw(g2, new Rectangle(0, 0, width, height));
        // Whole-pixel dimensions: the PDF renderer refuses "860.0".
        String svg = g2.getSVGElement(null, false, new ViewBox(0, 0, width, height), null, null);
        return svg.replaceFirst("<svg ", "<svg width='" + width + "' height='" + height + "' ");
    }
}
