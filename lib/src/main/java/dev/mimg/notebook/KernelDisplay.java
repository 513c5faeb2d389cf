package dev.mimg.notebook;

import dev.mimg.model.DiskUse;
import dev.mimg.query.ImageQuery;
import dev.mimg.query.Listing;
import dev.mimg.query.RemovalPlan;
import dev.mimg.query.RemovalReport;
import dev.mimg.query.VariantQuery;
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
    return List.of(html(ImageQuery.class, query -> Html.listing(query.listing()), Object::toString),
        html(VariantQuery.class, query -> Html.variants(query.list()), Object::toString),
        html(Listing.class, Html::listing, listing -> listing.images().size() + " images"),
        html(DiskUse.class, Html::diskUse, dev.mimg.view.DiskUseView::json),
        html(RemovalPlan.class, Html::plan, Object::toString),
        html(RemovalReport.class, Html::report, RemovalReport::describe),
        new ChartRenderer());
  }

  @Override
  public List<DisplayTransformer> getDisplayTransformers() {
    return List.of();
  }

  private static <T> DisplayRenderer html(Class<T> type, Function<T, String> html, Function<T, String> text) {
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
        DisplayData data = DisplayData.fromText(text.apply(type.cast(o)));
        data.putHTML(html.apply(type.cast(o)));
        return data;
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
