package dev.mimg.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mimg.bed.Bed;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;

/**
 * Notebooks executed as users execute them ({@code scripts/notebook --execute}: Jupyter's nbconvert and the Java
 * kernel, the library of this build on its class path), and their outputs read back from the written .ipynb.
 */
final class Notebooks {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ROW = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL);
  private static final Pattern CELL = Pattern.compile("<td>(.*?)</td>", Pattern.DOTALL);

  private Notebooks() {
  }

  /** The project's root (the tests run in lib/). */
  static Path root() {
    return Path.of("..").toAbsolutePath().normalize();
  }

  /** Executes {@code notebook} into {@code out} with these extra environment variables; the executed cells. */
  static List<JsonNode> execute(Path notebook, Path out, Map<String, String> env, boolean allowErrors)
      throws IOException {
    String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.endsWith("test-classes")).collect(Collectors.joining(File.pathSeparator));
    List<String> command = new ArrayList<>(List.of(root().resolve("scripts/notebook").toString(), "--execute",
        notebook.toString(), "--output", out.toString()));
    if (allowErrors) {
      command.add("--allow-errors");
    }
    Map<String, String> all = new java.util.HashMap<>(env);
    all.put("MIMG_NOTEBOOK_CLASSPATH", classPath);
    Bed.run(command, all);
    List<JsonNode> cells = new ArrayList<>();
    for (JsonNode cell : JSON.readTree(out.toFile()).path("cells")) {
      if (cell.path("cell_type").asText().equals("code")) {
        assertThat(cell.path("execution_count").isInt()).as("executed: %s", source(cell)).isTrue();
        cells.add(cell);
      }
    }
    return cells;
  }

  /** A cell's source as one string. */
  static String source(JsonNode cell) {
    return text(cell.path("source"));
  }

  /** The cell whose source is exactly {@code source}. */
  static JsonNode cell(List<JsonNode> cells, String source) {
    return cells.stream().filter(cell -> source(cell).strip().equals(source)).findFirst()
        .orElseThrow(() -> new AssertionError("no cell " + source));
  }

  /** The error outputs of these cells: ename, then each traceback line. */
  static List<String> errors(List<JsonNode> cells) {
    List<String> errors = new ArrayList<>();
    for (JsonNode cell : cells) {
      for (JsonNode output : cell.path("outputs")) {
        if (output.path("output_type").asText().equals("error")) {
          errors.add(output.path("ename").asText() + ": " + text(output.path("traceback")));
        }
      }
    }
    return errors;
  }

  /** The data of a cell's one result (or display) of this media type. */
  static String data(JsonNode cell, String mediaType) {
    for (JsonNode output : cell.path("outputs")) {
      JsonNode data = output.path("data").path(mediaType);
      if (!data.isMissingNode()) {
        return text(data);
      }
    }
    throw new AssertionError("no " + mediaType + " output in cell " + source(cell) + ": " + cell.path("outputs"));
  }

  /** What a cell printed to standard output. */
  static String stdout(JsonNode cell) {
    StringBuilder out = new StringBuilder();
    for (JsonNode output : cell.path("outputs")) {
      if (output.path("output_type").asText().equals("stream") && output.path("name").asText().equals("stdout")) {
        out.append(text(output.path("text")));
      }
    }
    return out.toString();
  }

  /** The body rows of the cell's HTML table, each as its cells' text. */
  static List<List<String>> rows(JsonNode cell) {
    String html = data(cell, "text/html");
    List<List<String>> rows = new ArrayList<>();
    Matcher row = ROW.matcher(html);
    while (row.find()) {
      List<String> cells = new ArrayList<>();
      Matcher td = CELL.matcher(row.group(1));
      while (td.find()) {
        cells.add(unescape(td.group(1)));
      }
      if (!cells.isEmpty()) {
        rows.add(cells);
      }
    }
    return rows;
  }

  /** The cell's image/png output, decoded (a real PNG, or the test fails). */
  static BufferedImage png(JsonNode cell) throws IOException {
    byte[] bytes = Base64.getMimeDecoder().decode(data(cell, "image/png"));
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
    assertThat(image).as("image/png of %s decodes", source(cell)).isNotNull();
    return image;
  }

  /** How many distinct colours a picture has, sampling every other pixel. */
  static int colours(BufferedImage image) {
    java.util.Set<Integer> colours = new java.util.HashSet<>();
    for (int x = 0; x < image.getWidth(); x += 2) {
      for (int y = 0; y < image.getHeight(); y += 2) {
        colours.add(image.getRGB(x, y));
      }
    }
    return colours.size();
  }

  private static String text(JsonNode node) {
    if (node.isArray()) {
      StringBuilder text = new StringBuilder();
      node.forEach(line -> text.append(line.asText()));
      return text.toString();
    }
    return node.asText();
  }

  private static String unescape(String html) {
    return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
        .replace("&amp;", "&");
  }
}
