package dev.mimg.view;

import dev.mimg.model.HumanSize;
import dev.mimg.model.Image;
import dev.mimg.model.ImageVariant;
import dev.mimg.model.Variant;
import dev.mimg.render.TabWriter;
import java.util.ArrayList;
import java.util.List;

/** Variants with their images as a table: IMAGE, PLATFORM, VARIANT ID, SIZE, AVAILABLE, CONTAINERS. */
public final class VariantTable {

  private VariantTable() {
  }

  /** The table of these (image, variant) pairs, in the order given. */
  public static String render(List<ImageVariant> variants) {
    List<String> lines = new ArrayList<>();
    lines.add("IMAGE\tPLATFORM\tVARIANT ID\tSIZE\tAVAILABLE\tCONTAINERS");
    for (ImageVariant pair : variants) {
      Image image = pair.image();
      Variant variant = pair.variant();
      lines.add(String.join("\t", image.name(), variant.platform().toString(), variant.shortId(),
          HumanSize.format(variant.contentSize()), variant.isPresent() ? "yes" : "no",
          String.valueOf(variant.containers().size())));
    }
    return TabWriter.format(lines);
  }
}
