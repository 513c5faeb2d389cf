package dev.mimg.cli;

import dev.mimg.frontend.CommandLines;
import dev.mimg.model.Json;
import dev.mimg.model.JsonArray;
import dev.mimg.model.JsonText;
import dev.mimg.model.Platform;
import dev.mimg.model.Variant;
import dev.mimg.model.ImageLookup;
import dev.mimg.frontend.Command;
import dev.mimg.frontend.Invocation;
import dev.mimg.frontend.StoreOptions;
import dev.mimg.store.ImageStore;
import java.util.List;

/** {@code mimg inspect}: the store's own description of every present variant of an image, or of one. */
final class InspectCommand {

  static final Command SPEC = Command.named("inspect")
      .describe("Show each present variant of an image as the engine describes it (a JSON array).")
      .parameter("IMAGE|VARIANT-ID", "An image reference or id, or a variant id.", true, false)
      .value("PLATFORM", "--platform", "Only this platform's variant.")
      .action(InspectCommand::run);

  private final String name;

  private InspectCommand(String name) {
    this.name = name;
  }

  static int run(Invocation in) {
    return new InspectCommand(in.parameter(0)).call(in);
  }

  private int call(Invocation in) {
    String platform = in.value("--platform");
    Platform wanted = platform == null ? null : Platform.parse(platform);
    try (ImageStore store = new StoreOptions(in).open(in.err())) {
      ImageLookup.Found found = ImageLookup.find(store.images(), name);
      List<Variant> variants = found.presentVariants(wanted, name);
      JsonArray array = Json.array();
      for (Variant variant : variants) {
        array.add(store.inspect(found.image(), variant));
      }
      in.out().println(JsonText.indented(array));
      return CommandLines.OK;
    }
  }
}
