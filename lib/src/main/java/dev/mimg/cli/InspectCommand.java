package dev.mimg.cli;

import dev.mimg.frontend.CommandLines;
import dev.mimg.model.Image;
import dev.mimg.model.InvalidInputException;
import dev.mimg.model.Json;
import dev.mimg.model.JsonArray;
import dev.mimg.model.JsonText;
import dev.mimg.model.Platform;
import dev.mimg.model.Variant;
import dev.mimg.model.ImageLookup;
import dev.mimg.store.ImageStore;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mimg inspect}: the store's own description of every present variant of an image, or of one. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
    description = "Show each present variant of an image as the engine describes it (a JSON array).")
final class InspectCommand implements Callable<Integer> {

  @ParentCommand
  MimgCommand parent;

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "IMAGE|VARIANT-ID", description = "An image reference or id, or a variant id.")
  String name;

  @Option(names = "--platform", paramLabel = "PLATFORM", description = "Only this platform's variant.")
  String platform;

  @Override
  public Integer call() throws Exception {
    Platform wanted = platform == null ? null : Platform.parse(platform);
    try (ImageStore store = parent.store.open(spec.commandLine().getErr())) {
      ImageLookup.Found found = ImageLookup.find(store.images(), name);
      List<Variant> variants = variants(found, wanted);
      JsonArray array = Json.array();
      for (Variant variant : variants) {
        array.add(store.inspect(found.image(), variant));
      }
      spec.commandLine().getOut().println(JsonText.indented(array));
      return CommandLines.OK;
    }
  }

  private List<Variant> variants(ImageLookup.Found found, Platform wanted) {
    Image image = found.image();
    List<Variant> candidates = found.variant() != null ? List.of(found.variant()) : image.present();
    if (found.variant() != null && !found.variant().isPresent()) {
      throw new InvalidInputException("variant " + found.variant().shortId() + " (" + found.variant().platform()
          + ") of " + describe(image) + " is not present");
    }
    if (wanted == null) {
      return candidates;
    }
    List<Variant> matching = candidates.stream().filter(v -> v.platform().matches(wanted)).toList();
    if (matching.isEmpty()) {
      throw ImageLookup.notPresent(wanted, describe(image), image);
    }
    return matching;
  }

  private String describe(Image image) {
    return image.isDangling() ? name : image.name();
  }
}
