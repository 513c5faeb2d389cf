package dev.mimg.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every test class that talks to the test bed is marked {@code @BedTest}, so that {@code mvn test} passes on a
 * machine without it and {@code mvn verify} (bed/test) still runs it.
 */
class BedTagsTest {

  /** What a test uses when it needs the bed: its variables, its helpers, its engines and registries. */
  private static final Pattern USES_THE_BED = Pattern.compile(
      "\\bBed\\.|MIMG_BED_|\\bPullBed\\b|\\bEngineState\\.|\\bEngineCliTest\\.|\\bBedEnv\\.|extends StoreContract");

  @Test
  void everyTestThatNeedsTheBedIsMarked() throws IOException {
    List<String> unmarked;
    try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
      unmarked = files.filter(f -> f.toString().endsWith("Test.java")).filter(f -> {
        String text = read(f);
        return USES_THE_BED.matcher(text).find() && !text.contains("@BedTest");
      }).map(Path::toString).toList();
    }
    assertThat(unmarked).isEmpty();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
