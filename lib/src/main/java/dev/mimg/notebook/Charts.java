package dev.mimg.notebook;

import dev.mimg.model.DiskUse;
import dev.mimg.query.RemovalPlan;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Disk use and removal plans as pictures: a horizontal bar per row (disk use: present content, and what is missing
 * when it was priced; a plan: what it removes and what it keeps).
 */
public final class Charts {

  /** Pixel size of a chart. */
  private static final int WIDTH = 760;
  private static final int ROW_HEIGHT = 34;
  private static final int MARGIN = 140;
  private static final String MISSING = "missing (registry size)";
  private static final String KEPT = "kept";

  private Charts() {
  }

  /** The chart of one disk-use result, in kilobytes per row. */
  public static JFreeChart diskUse(DiskUse use) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    boolean remote = use.total().missingRemoteBytes() >= 0;
    for (DiskUse.Row row : use.rows()) {
      data.addValue(row.diskUsage() / 1000.0, "present (disk usage)", row.key());
      if (remote) {
        data.addValue(row.missingRemoteBytes() / 1000.0, MISSING, row.key());
      }
    }
    return bars("Disk use by " + use.by().name().toLowerCase(Locale.ROOT), data, MISSING);
  }

  /** The chart of a removal plan, in kilobytes per image and platform: what it removes, and what it keeps. */
  public static JFreeChart plan(RemovalPlan plan) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (RemovalPlan.Step step : plan.steps()) {
      data.addValue(step.bytes() / 1000.0, "removed (reclaimed)", label(step.name(), step.platform()));
    }
    for (RemovalPlan.Refusal refusal : plan.refusals()) {
      data.addValue(refusal.bytes() / 1000.0, KEPT, label(refusal.name(), refusal.platform()));
    }
    return bars("What the plan reclaims", data, KEPT);
  }

  /** The plan as a PNG chart for a notebook. */
  public static Chart planChart(RemovalPlan plan) {
    JFreeChart chart = plan(plan);
    return new Chart(chart.getTitle().getText(), png(chart, plan.steps().size() + plan.refusals().size()));
  }

  /** An image and platform as a bar's label: a digest reference shortened to its first 12 hex digits. */
  static String label(String name, String platform) {
    int at = name.indexOf("@sha256:");
    String shortName = at < 0 ? name : name.substring(0, Math.min(name.length(), at + 20));
    return shortName + " " + platform;
  }

  /** Horizontal stacked bars, each series blue but the one called {@code grey}. */
  private static JFreeChart bars(String title, DefaultCategoryDataset data, String grey) {
    JFreeChart chart = ChartFactory.createStackedBarChart(title, null, "kB", data, PlotOrientation.HORIZONTAL, true,
        false, false);
    chart.setBackgroundPaint(Color.WHITE);
    CategoryPlot plot = chart.getCategoryPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    BarRenderer renderer = (BarRenderer) plot.getRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    for (int i = 0; i < data.getRowCount(); i++) {
      renderer.setSeriesPaint(i, grey.equals(data.getRowKey(i)) ? new Color(0xcc, 0xcc, 0xcc)
          : new Color(0x1f, 0x77, 0xb4));
    }
    plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(0.4f);
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
