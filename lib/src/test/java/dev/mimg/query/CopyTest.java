package dev.mimg.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mimg.model.Descriptor;
import dev.mimg.model.Digest;
import dev.mimg.model.Image;
import dev.mimg.model.InvalidInputException;
import dev.mimg.model.MediaTypes;
import dev.mimg.model.Platform;
import dev.mimg.model.Reference;
import dev.mimg.store.oci.OciLayout;
import dev.mimg.store.oci.OciLayoutStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cp between layouts without a network: a shallow index stays shallow, keeps its digest; bad input changes nothing. */
class CopyTest {

  private static final String NAME = "127.0.0.1:1/cp/shallow:1";

  @TempDir
  Path dir;

  private Digest put(OciLayout layout, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    Digest digest = Digest.sha256Of(bytes);
    layout.putBlob(digest, bytes.length, new ByteArrayInputStream(bytes));
    return digest;
  }

  private static String descriptor(String mediaType, Digest digest, long size, String platform) {
    return "{\"mediaType\":\"" + mediaType + "\",\"digest\":\"" + digest + "\",\"size\":" + size
        + (platform == null ? "" : ",\"platform\":" + platform) + "}";
  }

  /** A layout holding an index of linux/amd64 (present) and linux/arm64 (absent). */
  private OciLayoutStore shallowLayout() {
    OciLayout layout = OciLayout.create(dir.resolve("source"));
    String layer = "layer bytes";
    Digest layerDigest = put(layout, layer);
    String config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}";
    Digest configDigest = put(layout, config);
    String manifest = "{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",\"config\":"
        + descriptor(MediaTypes.OCI_CONFIG, configDigest, config.length(), null) + ",\"layers\":["
        + descriptor("application/vnd.oci.image.layer.v1.tar", layerDigest, layer.length(), null) + "]}";
    Digest manifestDigest = put(layout, manifest);
    Digest absent = Digest.sha256Of("not here".getBytes(StandardCharsets.UTF_8));
    String index = "{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_INDEX + "\",\"manifests\":["
        + descriptor(MediaTypes.OCI_MANIFEST, manifestDigest, manifest.length(),
            "{\"os\":\"linux\",\"architecture\":\"amd64\"}") + ","
        + descriptor(MediaTypes.OCI_MANIFEST, absent, 100, "{\"os\":\"linux\",\"architecture\":\"arm64\"}") + "]}";
    Digest indexDigest = put(layout, index);
    OciLayoutStore store = new OciLayoutStore(layout, Platform.of("linux", "amd64", ""));
    store.name(Reference.parse(NAME), Descriptor.of(MediaTypes.OCI_INDEX, indexDigest, index.length()),
        List.of(indexDigest, manifestDigest, configDigest, layerDigest));
    return store;
  }

  @Test
  void aShallowImageIsCopiedIntoALayoutAsItIsWithItsDigest() {
    try (OciLayoutStore source = shallowLayout()) {
      Image image = Mimg.images(source).first().orElseThrow();
      Path target = dir.resolve("target");
      CopyReport dry = Mimg.images(source).copy(NAME, "oci:" + target).as("cp/copy:2").dryRun().run();
      assertThat(dry.describe()).startsWith("would copy").contains("blobs: 2 to copy");
      assertThat(target).doesNotExist();

      CopyReport report = Mimg.images(source).copy(NAME, "oci:" + target).as("cp/copy:2").run();
      assertThat(report.digest()).isEqualTo(image.id());
      assertThat(report.platforms()).containsExactly("linux/amd64");
      try (OciLayoutStore copied = OciLayoutStore.open(target)) {
        Image copy = Mimg.images(copied).first().orElseThrow();
        assertThat(copy.id()).isEqualTo(image.id());
        assertThat(copy.name()).isEqualTo("cp/copy:2");
        assertThat(copy.present().size() + "/" + copy.total()).isEqualTo("1/2");
      }
      CopyReport again = Mimg.images(source).copy(NAME, "oci:" + target).as("cp/copy:3").run();
      assertThat(again.blobs()).isZero();
      assertThat(again.blobsPresent()).isEqualTo(2);
    }
  }

  @Test
  void badInputIsRefusedBeforeAnythingChanges() throws Exception {
    try (OciLayoutStore source = shallowLayout()) {
      Path target = dir.resolve("target");
      assertThatThrownBy(() -> Mimg.images(source).copy(NAME, "oci:" + target).platform("linux/s390x").run())
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("linux/s390x is not in the index");
      assertThatThrownBy(() -> Mimg.images(source).copy("nope:1", "oci:" + target).run())
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("no such image");
      Path noEngine = dir.resolve("no-engine.sock");
      assertThatThrownBy(() -> Mimg.images(source).copy(NAME, "engine:unix://" + noEngine).run())
          .hasMessageContaining(noEngine.toString());
      assertThatThrownBy(() -> Mimg.images(source).copy(NAME, "oci:" + target).platform("linux/amd64")
          .allPlatforms()).isInstanceOf(InvalidInputException.class);
      assertThat(target).doesNotExist();
      Files.createDirectories(dir.resolve("other"));
      Files.writeString(dir.resolve("other/file"), "not a layout");
      assertThatThrownBy(() -> Mimg.images(source).copy(NAME, "oci:" + dir.resolve("other")).run())
          .hasMessageContaining("other");
    }
  }

  @Test
  void theBlobsOfAnExportTarLandVerified() throws Exception {
    byte[] blob = "a blob".getBytes(StandardCharsets.UTF_8);
    Digest digest = Digest.sha256Of(blob);
    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    entry(tar, "oci-layout", "{}".getBytes(StandardCharsets.UTF_8));
    entry(tar, "blobs/sha256/" + digest.hex(), blob);
    tar.write(new byte[1024]);
    OciLayout layout = OciLayout.create(dir.resolve("export"));
    assertThat(TarBlobs.extract(new ByteArrayInputStream(tar.toByteArray()), layout)).isEqualTo(1);
    assertThat(layout.readBlob(digest)).isEqualTo(blob);

    ByteArrayOutputStream bad = new ByteArrayOutputStream();
    entry(bad, "blobs/sha256/" + Digest.sha256Of(new byte[1]).hex(), blob);
    assertThatThrownBy(() -> TarBlobs.extract(new ByteArrayInputStream(bad.toByteArray()),
        OciLayout.create(dir.resolve("bad")))).hasMessageContaining("does not match its digest");
  }

  private static void entry(ByteArrayOutputStream tar, String name, byte[] content) {
    byte[] header = new byte[512];
    System.arraycopy(name.getBytes(StandardCharsets.US_ASCII), 0, header, 0, name.length());
    byte[] size = String.format("%011o", content.length).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(size, 0, header, 124, size.length);
    header[156] = '0';
    tar.writeBytes(header);
    tar.writeBytes(content);
    tar.writeBytes(new byte[(512 - content.length % 512) % 512]);
  }
}
