package dev.mimg.notebook;

import dev.mimg.model.DiskUse;
import dev.mimg.model.ImageVariant;
import dev.mimg.query.ImageQuery;
import dev.mimg.query.Listing;
import dev.mimg.query.RemovalPlan;
import dev.mimg.query.RemovalReport;
import dev.mimg.query.VariantQuery;
import dev.mimg.view.DiskUseView;
import dev.mimg.view.ListingOptions;
import dev.mimg.view.Listings;
import dev.mimg.view.VariantTable;
import java.util.List;
import java.util.function.Function;
import org.rapaio.jupyter.kernel.display.DisplayData;
import org.rapaio.jupyter.kernel.display.DisplayRenderer;
import org.rapaio.jupyter.kernel.display.DisplayTransformer;
import org.rapaio.jupyter.kernel.display.spi.DisplayProvider;

/**
 * The only kernel-specific code: mimg's results as rich outputs of the rapaio Java kernel, found by its service
 * loader when the library is loaded. A cell ending in a query, listing, disk use, plan or report shows an HTML table
 * (and its text); a {@link Chart} shows as {@code image/png}.
 */
public final class KernelDisplay implements DisplayProvider {

  @Override
  public List<DisplayRenderer> getDisplayRenderers() {
    return List.of(renderer(ImageQuery.class, query -> listing(query.listing())),
        renderer(Listing.class, KernelDisplay::listing),
        renderer(VariantQuery.class, query -> {
          List<ImageVariant> variants = query.list();
          return shown(Html.variants(variants), VariantTable.render(variants));
        }),
        renderer(DiskUse.class, use -> shown(Html.diskUse(use), DiskUseView.render(use, null, false, false))),
        renderer(RemovalPlan.class, plan -> shown(Html.plan(plan), plan.describe())),
        renderer(RemovalReport.class, report -> shown(Html.report(report), report.describe())),
        new ChartRenderer());
  }

  @Override
  public List<DisplayTransformer> getDisplayTransformers() {
    return List.of();
  }

  private static DisplayData listing(Listing listing) {
    return shown(Html.listing(listing),
        Listings.render(listing.images(), listing.selection(), ListingOptions.defaults(), listing.remote()));
  }

  private static DisplayData shown(String html, String text) {
    DisplayData data = DisplayData.fromText(text);
    data.putHTML(html);
    return data;
  }

  /** HTML with its text/plain, each made once from the value (a query asks its store once). */
  private static <T> DisplayRenderer renderer(Class<T> type, Function<T, DisplayData> show) {
    return new DisplayRenderer() {
      @Override
      public Class<?> rendererClass() {
        return type;
      }

      @Override
      public boolean canRender(String mime) {
        return mime == null || mime.contains("html") || mime.contains("text");
      }

      @Override
      public DisplayData render(String mime, Object o) {
        return show.apply(type.cast(o));
      }
    };
  }

  /** Charts as {@code image/png} with a text fallback. */
  private static final class ChartRenderer implements DisplayRenderer {
    @Override
    public Class<?> rendererClass() {
      return Chart.class;
    }

    @Override
    public boolean canRender(String mime) {
      return mime == null || mime.contains("png") || mime.contains("image");
    }

    @Override
    public DisplayData render(String mime, Object o) {
      Chart chart = (Chart) o;
      DisplayData data = DisplayData.fromText(chart.toString());
      data.putData("image/png", chart.base64());
      return data;
    }
  }
}
