package dev.mimg.query;

import dev.mimg.model.Image;
import dev.mimg.model.ImageLookup;
import dev.mimg.model.InvalidInputException;
import dev.mimg.model.Json;
import dev.mimg.model.Platform;
import dev.mimg.model.Reference;
import dev.mimg.model.Variant;
import dev.mimg.registry.Fetched;
import dev.mimg.registry.RegistryClient;
import dev.mimg.store.docker.DockerEngineStore;
import dev.mimg.store.docker.EngineClient;
import dev.mimg.store.docker.EngineException;
import dev.mimg.store.oci.OciLayout;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;

/**
 * An engine image as a copy's source, through the engine's export ({@code GET /images/{name}/get}, docker save's
 * OCI layout tar) into a temporary layout, every blob verified as it lands. With the containerd store (API 1.51
 * observed) a whole export keeps a shallow image's index with every present platform, but fails when the host's
 * platform is not present; then each present platform is exported alone ({@code ?platform=}, which keeps only that
 * platform's manifest, not the index), and the index bytes come from the registry the image came from, checked
 * against the image's id.
 */
final class EngineExport implements AutoCloseable {

  private final Image image;
  private final Path directory;
  private final OciLayout layout;

  private EngineExport(Image image, Path directory, OciLayout layout) {
    this.image = image;
    this.directory = directory;
    this.layout = layout;
  }

  /** Exports the image {@code name} names from {@code engine}; {@code registry} gives a shallow image's index. */
  static EngineExport of(DockerEngineStore engine, String name, RegistryClient registry) {
    Image image = ImageLookup.find(engine.images(), name).image();
    Path directory = TemporaryDirectory.create("the engine's export");
    EngineExport export = new EngineExport(image, directory, OciLayout.create(directory));
    try {
      export.fill(engine.client(), registry);
      return export;
    } catch (RuntimeException e) {
      export.close();
      throw e;
    }
  }

  /** The image as the engine lists it. */
  Image image() {
    return image;
  }

  /** The exported content as a source. */
  CopySource source() {
    return new LayoutCopySource(layout, image.id(), image.mediaType(), "the engine (its export)");
  }

  private void fill(EngineClient client, RegistryClient registry) {
    String subject = image.tags().isEmpty() ? image.id().toString() : image.tags().get(0).toString();
    String path = "/images/" + EngineClient.encode(subject) + "/get";
    try {
      client.download(path, body -> TarBlobs.extract(body, layout));
    } catch (EngineException e) {
      if (!image.isIndex()) {
        throw e;
      }
      for (Variant variant : image.present()) {
        client.download(path + "?platform=" + EngineClient.encode(platformJson(variant.platform())),
            body -> TarBlobs.extract(body, layout));
      }
    }
    if (!layout.hasBlob(image.id())) {
      Reference origin = java.util.stream.Stream.concat(image.tags().stream(), image.digestRefs().stream())
          .findFirst().map(ref -> Reference.parse(ref.name() + "@" + image.id())).orElse(null);
      if (origin == null) {
        throw new InvalidInputException("the engine exports " + image.name() + " only platform by platform, and "
            + "it has no name to fetch its index from");
      }
      Fetched index;
      try {
        index = registry.manifest(origin);
      } catch (RuntimeException e) {
        throw new InvalidInputException("the engine exports " + image.name() + " only platform by platform, and "
            + "the registry it came from cannot give its index: " + e.getMessage());
      }
      layout.putBlob(image.id(), index.size(), new ByteArrayInputStream(index.bytes()));
    }
  }

  private static String platformJson(Platform platform) {
    var node = Json.object().put("os", platform.os()).put("architecture", platform.architecture());
    if (!platform.variant().isEmpty()) {
      node.put("variant", platform.variant());
    }
    return node.toString();
  }

  /** Deletes the temporary layout. */
  @Override
  public void close() {
    TemporaryDirectory.delete(directory);
  }
}
