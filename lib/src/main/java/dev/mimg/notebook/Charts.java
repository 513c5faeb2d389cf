package dev.mimg.notebook;

import dev.mimg.model.DiskUse;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/** Disk use as a picture: a horizontal bar per row (present content, and what is missing when it was priced). */
public final class Charts {

  /** Pixel size of a chart. */
  private static final int WIDTH = 760;
  private static final int ROW_HEIGHT = 34;
  private static final int MARGIN = 140;

  private Charts() {
  }

  /** The chart of one disk-use result, in kilobytes per row. */
  public static JFreeChart diskUse(DiskUse use) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    boolean remote = use.total().missingRemoteBytes() >= 0;
    for (DiskUse.Row row : use.rows()) {
      data.addValue(row.diskUsage() / 1000.0, "present (disk usage)", row.key());
      if (remote) {
        data.addValue(row.missingRemoteBytes() / 1000.0, "missing (registry size)", row.key());
      }
    }
    JFreeChart chart = ChartFactory.createStackedBarChart("Disk use by " + use.by().name().toLowerCase(
        java.util.Locale.ROOT), null, "kB", data, PlotOrientation.HORIZONTAL, true, false, false);
    chart.setBackgroundPaint(Color.WHITE);
    CategoryPlot plot = chart.getCategoryPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    BarRenderer renderer = (BarRenderer) plot.getRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setSeriesPaint(0, new Color(0x1f, 0x77, 0xb4));
    renderer.setSeriesPaint(1, new Color(0xcc, 0xcc, 0xcc));
    return chart;
  }

  /** The chart as PNG bytes, sized to its rows. */
  public static byte[] png(JFreeChart chart, int rows) {
    System.setProperty("java.awt.headless", "true");
    try {
      return ChartUtils.encodeAsPNG(chart.createBufferedImage(WIDTH, MARGIN + ROW_HEIGHT * Math.max(rows, 1)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode the chart as PNG", e);
    }
  }

  /** The disk use as a PNG chart for a notebook. */
  public static Chart diskUseChart(DiskUse use) {
    JFreeChart chart = diskUse(use);
    return new Chart(chart.getTitle().getText(), png(chart, use.rows().size()));
  }
}
