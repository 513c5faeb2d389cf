package dev.mimg.it;

import dev.mimg.bed.BedTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mimg.store.ImageStore;
import dev.mimg.model.Platform;
import dev.mimg.store.oci.OciLayout;
import dev.mimg.store.oci.OciLayoutStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store contract on an OCI image layout; the witness is the layout's files read by the test itself
 * ({@code index.json}, the index blob, and which child manifests, configs and layers exist under {@code blobs/}).
 */
@BedTest
class LayoutStoreContractTest extends StoreContract {

  @TempDir
  Path dir;

  private final ObjectMapper json = new ObjectMapper();

  @Override
  ImageStore openStore() {
    return new OciLayoutStore(OciLayout.create(dir.resolve("layout")), Platform.host());
  }

  @Override
  String backend() {
    return "layout";
  }

  @Override
  List<String> presentByTheBackend(String ref) {
    Path layout = dir.resolve("layout");
    List<String> present = new ArrayList<>();
    for (JsonNode entry : read(layout.resolve("index.json")).path("manifests")) {
      if (!entry.path("annotations").path("org.opencontainers.image.ref.name").asText().equals(ref)) {
        continue;
      }
      for (JsonNode child : read(blob(layout, entry.path("digest").asText())).path("manifests")) {
        Path manifest = blob(layout, child.path("digest").asText());
        if (Files.exists(manifest) && allBlobsExist(layout, read(manifest))) {
          JsonNode p = child.path("platform");
          present.add(p.path("os").asText() + "/" + p.path("architecture").asText()
              + (p.path("variant").asText("").isEmpty() ? "" : "/" + p.path("variant").asText()));
        }
      }
    }
    return present;
  }

  private static boolean allBlobsExist(Path layout, JsonNode manifest) {
    boolean all = Files.exists(blob(layout, manifest.path("config").path("digest").asText()));
    for (JsonNode layer : manifest.path("layers")) {
      all &= Files.exists(blob(layout, layer.path("digest").asText()));
    }
    return all;
  }

  private static Path blob(Path layout, String digest) {
    return layout.resolve("blobs").resolve(digest.replace(':', '/'));
  }

  private JsonNode read(Path file) {
    try {
      return json.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  void cleanUp(String labelPrefix) {
    // the layout lives in a temporary directory that JUnit deletes
  }
}
