package io.qorgan.gateway.audit;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.CategoryDataset;
import org.jfree.svg.SVGGraphics2D;

/** The report's charts: JFreeChart bar charts drawn onto JFreeSVG's Graphics2D, returned as inline SVG. */
final class ReportCharts {

    private static final Color[] PALETTE = {
        new Color(0x1f77b4),
        new Color(0xff7f0e),
        new Color(0x2ca02c),
        new Color(0xd62728),
        new Color(0x9467bd),
        new Color(0x8c564b),
        new Color(0xe377c2),
        new Color(0x7f7f7f),
        new Color(0xbcbd22),
        new Color(0x17becf)
    };
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private ReportCharts() {}

    /** Bars of {@code data} (rows are series, columns categories), stacked or side by side. */
    static String bars(
            String title,
            String categoryLabel,
            String valueLabel,
            CategoryDataset data,
            boolean stacked,
            boolean horizontal,
            int width,
            int height) {
        PlotOrientation orientation = horizontal ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL;
        JFreeChart chart = stacked
                ? ChartFactory.createStackedBarChart(
                        title, categoryLabel, valueLabel, data, orientation, true, false, false)
                : ChartFactory.createBarChart(title, categoryLabel, valueLabel, data, orientation, true, false, false);
        style(chart, data.getColumnCount() > 8 && !horizontal);
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        chart.draw(g, new Rectangle(0, 0, width, height));
        return g.getSVGElement();
    }

    private static void style(JFreeChart chart, boolean slantLabels) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(FONT.deriveFont(Font.BOLD, 13f));
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(FONT);
        }
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlineStroke(new BasicStroke(0.5f));
        plot.setOutlineVisible(false);
        CategoryAxis axis = plot.getDomainAxis();
        axis.setTickLabelFont(FONT);
        axis.setLabelFont(FONT);
        if (slantLabels) {
            axis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        plot.getRangeAxis().setTickLabelFont(FONT);
        plot.getRangeAxis().setLabelFont(FONT);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setMaximumBarWidth(0.08);
        for (int i = 0; i < PALETTE.length; i++) {
            renderer.setSeriesPaint(i, PALETTE[i]);
        }
    }
}
