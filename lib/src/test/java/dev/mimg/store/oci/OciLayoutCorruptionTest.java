package dev.mimg.store.oci;

import dev.mimg.frontend.CommandLines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mimg.cli.Main;
import dev.mimg.model.Descriptor;
import dev.mimg.model.Digest;
import dev.mimg.model.MediaTypes;
import dev.mimg.model.Platform;
import dev.mimg.store.StoreException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A layout whose content is not what its {@code index.json} says is corrupt for every command (ls, inspect, rm,
 * prune, pull): exit 1, one line on stderr naming the entry, the blob and the problem, and nothing in it changes.
 * A missing child manifest is a shallow image, not corruption.
 */
class OciLayoutCorruptionTest {

  private static final Platform AMD64 = Platform.of("linux", "amd64", "");
  private static final Platform ARM64 = Platform.of("linux", "arm64", "v8");
  private static final String NAME = "127.0.0.1:5123/mimg/alpine:3.16";
  /** Nothing listens there: a pull that got as far as the registry fails with another message. */
  private static final String ELSEWHERE = "127.0.0.1:1/mimg/other:1";

  @TempDir
  Path parent;
  Path dir;
  TestLayout test;
  Descriptor amd64;
  Descriptor arm64;
  Descriptor index;

  private record Result(int code, String out, String err) {
  }

  @BeforeEach
  void layout() {
    dir = parent.resolve("layout");
    test = TestLayout.create(dir);
    amd64 = test.image(AMD64, "2024-01-01T00:00:00Z", 100);
    arm64 = test.image(ARM64, "2024-02-02T00:00:00Z", 200);
    index = test.index(amd64, arm64);
    test.entry(NAME, index);
  }

  @Test
  void aMissingIndexBlobIsCorruptForEveryCommand() throws Exception {
    Files.delete(blob(index.digest()));
    String line = corrupt("the index blob " + shortOf(index.digest()) + " of " + NAME + " is missing");
    assertFailsChangingNothing(line, "ls");
    assertFailsChangingNothing(line, "ls", "--tree", "--all");
    assertFailsChangingNothing(line, "inspect", NAME);
    assertFailsChangingNothing(line, "rm", "-f", NAME, "--platform", "linux/amd64");
    assertFailsChangingNothing(line, "prune", "-a", "-f");
    assertFailsChangingNothing(line, "pull", ELSEWHERE);
    assertThatThrownBy(() -> store().images()).isInstanceOf(StoreException.class).hasMessage(line.substring(6));
  }

  @Test
  void anIndexBlobWhoseBytesChangedHasTheWrongDigest() throws Exception {
    byte[] changed = changeOneHexDigit(blob(index.digest()), amd64.digest().hex());
    Files.write(blob(index.digest()), changed);
    String line = corrupt("the index blob " + shortOf(index.digest()) + " of " + NAME + " has the wrong digest: "
        + "expected " + shortOf(index.digest()) + ", got " + shortOf(Digest.sha256Of(changed)));
    assertFailsChangingNothing(line, "ls");
    assertFailsChangingNothing(line, "inspect", NAME);
  }

  @Test
  void aTruncatedTopBlobHasTheWrongSizeAndAnUnnamedEntryIsNamedByItsDigest() throws Exception {
    Descriptor single = test.image(AMD64, "2023-05-05T00:00:00Z", 50);
    test.entry(null, single);
    byte[] bytes = Files.readAllBytes(blob(single.digest()));
    Files.write(blob(single.digest()), Arrays.copyOf(bytes, bytes.length - 1));
    String line = corrupt("the manifest blob " + shortOf(single.digest()) + " of the unnamed image "
        + single.digest().shortId() + " has the wrong size: expected " + bytes.length + " bytes, got "
        + (bytes.length - 1));
    assertFailsChangingNothing(line, "ls");
    assertFailsChangingNothing(line, "inspect", NAME);
  }

  @Test
  void aTopLevelEntryOfAnUnknownMediaTypeIsCorrupt() throws Exception {
    Descriptor thing = test.blob("application/vnd.example.thing.v1+json", TestLayout.utf8("{\"thing\":1}"));
    test.entry("example.com/thing:1", thing);
    String line = corrupt("the blob " + shortOf(thing.digest()) + " of example.com/thing:1 has an unknown media type "
        + "\"application/vnd.example.thing.v1+json\"");
    assertFailsChangingNothing(line, "ls");
    assertFailsChangingNothing(line, "inspect", NAME);
  }

  @Test
  void aTopLevelEntryWithoutAnyMediaTypeIsCorrupt() throws Exception {
    Descriptor plain = test.blob(null, TestLayout.utf8("{\"schemaVersion\":2}"));
    test.entry("example.com/plain:1", plain);
    assertFailsChangingNothing(corrupt("the blob " + shortOf(plain.digest()) + " of example.com/plain:1 has no media "
        + "type"), "ls");
  }

  @Test
  void aPresentChildManifestWithTheWrongDigestIsCorrupt() throws Exception {
    Digest layer = test.layout.readManifestBlob(amd64.digest()).layers().get(0).digest();
    byte[] changed = changeOneHexDigit(blob(amd64.digest()), layer.hex());
    Files.write(blob(amd64.digest()), changed);
    String line = corrupt("the manifest blob " + shortOf(amd64.digest()) + " of " + NAME + " has the wrong digest: "
        + "expected " + shortOf(amd64.digest()) + ", got " + shortOf(Digest.sha256Of(changed)));
    assertFailsChangingNothing(line, "ls", "--tree");
    assertFailsChangingNothing(line, "inspect", NAME);
    assertFailsChangingNothing(line, "rm", "-f", NAME, "--platform", "linux/arm64/v8");
  }

  @Test
  void aConfigWithTheWrongDigestOrThatIsNoJsonIsCorrupt() throws Exception {
    Digest config = test.layout.readManifestBlob(arm64.digest()).config().digest();
    Digest layer = test.layout.readManifestBlob(arm64.digest()).layers().get(0).digest();
    byte[] changed = changeOneHexDigit(blob(config), layer.hex());
    Files.write(blob(config), changed);
    assertFailsChangingNothing(corrupt("the config blob " + shortOf(config) + " of " + NAME + " has the wrong digest: "
        + "expected " + shortOf(config) + ", got " + shortOf(Digest.sha256Of(changed))), "ls");

    Descriptor notJson = test.blob(MediaTypes.OCI_CONFIG, TestLayout.utf8("not json"));
    Descriptor manifest = test.json(MediaTypes.OCI_MANIFEST, Map.of("schemaVersion", 2,
        "mediaType", MediaTypes.OCI_MANIFEST, "config", notJson, "layers", List.of()));
    Files.delete(blob(config));
    test.entry("example.com/odd:1", manifest);
    Result result = mimg("ls");
    assertThat(result.code()).isEqualTo(CommandLines.FAILED);
    assertThat(result.err().lines().toList()).singleElement().asString().startsWith(corrupt("the config blob "
        + shortOf(notJson.digest()) + " of example.com/odd:1 is not valid JSON: "));
  }

  @Test
  void aMissingChildManifestIsAShallowVariantNotCorruption() throws Exception {
    Files.delete(blob(arm64.digest()));
    Result result = mimg("ls", "--tree", "--all");
    assertThat(result.code()).as(result.err()).isEqualTo(CommandLines.OK);
    assertThat(result.err()).isEmpty();
    assertThat(store().images().get(0).present()).singleElement()
        .satisfies(v -> assertThat(v.digest()).isEqualTo(amd64.digest()));
  }

  @Test
  void aPullIntoALayoutWithoutIndexJsonIsRefusedAsEveryOtherCommandRefusesIt() throws Exception {
    Files.delete(dir.resolve("index.json"));
    String line = corrupt("index.json is missing");
    assertFailsChangingNothing(line, "ls");
    assertFailsChangingNothing(line, "pull", ELSEWHERE);
    Map<String, String> before = LayoutFiles.snapshot(dir);
    assertThatThrownBy(() -> OciLayout.create(dir)).isInstanceOf(StoreException.class).hasMessage(line.substring(6));
    assertThat(LayoutFiles.snapshot(dir)).isEqualTo(before);
  }

  @Test
  void aPullIntoADirectoryWithFilesButNoOciLayoutIsRefusedAndWritesNothing() throws Exception {
    dir = Files.createDirectory(parent.resolve("notes"));
    Files.writeString(dir.resolve("notes.txt"), "not a layout");
    Files.writeString(dir.resolve("index.json"), "{\"schemaVersion\":2,\"manifests\":[]}");
    String line = "mimg: no OCI layout at " + dir.toRealPath() + ": the oci-layout file is missing";
    assertFailsChangingNothing(line, "pull", ELSEWHERE);
    assertFailsChangingNothing(line, "ls");
    assertThatThrownBy(() -> OciLayout.create(dir)).isInstanceOf(StoreException.class).hasMessage(line.substring(6));
    assertThat(LayoutFiles.snapshot(dir)).containsOnlyKeys("notes.txt", "index.json");
  }

  @Test
  void aNewOrEmptyDirectoryStillBecomesALayout() throws Exception {
    Path empty = Files.createDirectory(parent.resolve("empty"));
    assertThat(OciLayout.create(empty).index().manifests()).isEmpty();
    assertThat(LayoutFiles.snapshot(empty)).containsOnlyKeys("oci-layout", "index.json", LayoutLock.FILE_NAME);
    assertThat(empty.resolve("blobs/sha256")).isDirectory();
    assertThat(OciLayout.create(parent.resolve("new/nested")).index().manifests()).isEmpty();
    assertThat(OciLayout.create(empty).index().manifests()).as("an existing layout opens as it is").isEmpty();
  }

  private void assertFailsChangingNothing(String line, String... command) {
    Map<String, String> before = LayoutFiles.snapshot(dir);
    Result result = mimg(command);
    assertThat(result.code()).as("exit code of %s, stderr: %s", List.of(command), result.err()).isEqualTo(CommandLines.FAILED);
    assertThat(result.err().lines().toList()).as("stderr of %s", List.of(command)).containsExactly(line);
    assertThat(result.out()).as("stdout of %s", List.of(command)).isEmpty();
    assertThat(LayoutFiles.snapshot(dir)).as("files after %s", List.of(command)).isEqualTo(before);
  }

  private Result mimg(String... command) {
    List<String> args = new ArrayList<>(List.of("--store", "oci:" + dir));
    args.addAll(List.of(command));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
    return new Result(code, out.toString(), err.toString());
  }

  private String corrupt(String problem) {
    try {
      return "mimg: corrupt OCI layout " + dir.toRealPath() + ": " + problem;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private OciLayoutStore store() {
    return new OciLayoutStore(OciLayout.open(dir), AMD64);
  }

  private Path blob(Digest digest) {
    return dir.resolve("blobs/sha256/" + digest.hex());
  }

  private static String shortOf(Digest digest) {
    return digest.algorithm() + ":" + digest.shortId();
  }

  /** The file's bytes with the first hex digit of {@code hex} (which they contain) changed: same size, other digest. */
  private static byte[] changeOneHexDigit(Path file, String hex) throws Exception {
    String text = Files.readString(file);
    assertThat(text).contains(hex);
    String other = (hex.charAt(0) == '0' ? "1" : "0") + hex.substring(1);
    return text.replace(hex, other).getBytes(StandardCharsets.UTF_8);
  }
}
