package dev.mimg.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layers of the code, read off the sources' imports and qualified names: model, then the text utilities, the
 * registry client, the store port and its backends, the query core, the views, what the front ends share, the front
 * ends (which never use each other). No package uses one above it or beside it, {@code view} never uses
 * {@code query}, and scripts (examples, templates) use only the public API.
 */
class PackageDependenciesTest {

  /** Each package's layer: a package may use only packages of lower layers. */
  private static final Map<String, Integer> LAYERS = Map.ofEntries(
      Map.entry("dev.mimg.model", 0), Map.entry("dev.mimg.render", 1), Map.entry("dev.mimg.registry", 2),
      Map.entry("dev.mimg.store", 3), Map.entry("dev.mimg.store.docker", 4), Map.entry("dev.mimg.store.oci", 4),
      Map.entry("dev.mimg.store.registry", 4), Map.entry("dev.mimg.store.fleet", 4),
      Map.entry("dev.mimg.store.containerd", 4),
      Map.entry("dev.mimg.query", 5), Map.entry("dev.mimg.view", 6), Map.entry("dev.mimg.frontend", 7),
      Map.entry("dev.mimg.cli", 8), Map.entry("dev.mimg.shell", 8), Map.entry("dev.mimg.notebook", 8));

  /** What scripts written against the DSL may use. */
  private static final Set<String> PUBLIC_API = Set.of("dev.mimg.model", "dev.mimg.query");

  private static final Pattern USE = Pattern.compile("\\b(dev\\.mimg(?:\\.[a-z]+)+)\\.[A-Z]");
  private static final Path MAIN = Path.of("src/main/java");

  @Test
  void everyPackageHasALayer() throws IOException {
    assertThat(LAYERS.keySet()).containsExactlyInAnyOrderElementsOf(packages());
  }

  @Test
  void noPackageUsesOneAboveIt() throws IOException {
    List<String> violations = new ArrayList<>();
    for (String from : packages()) {
      for (String to : uses(MAIN.resolve(from.replace('.', '/')), false)) {
        boolean allowed = to.equals(from) || LAYERS.getOrDefault(to, 99) < LAYERS.get(from);
        if (!allowed || from.equals("dev.mimg.view") && to.equals("dev.mimg.query")) {
          violations.add(from + " -> " + to);
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void scriptsUseOnlyThePublicApi() throws IOException {
    Set<String> used = new TreeSet<>();
    for (String dir : List.of("../examples", "../templates")) {
      used.addAll(uses(Path.of(dir), true));
    }
    assertThat(used).isNotEmpty().isSubsetOf(PUBLIC_API);
  }

  private static Set<String> packages() throws IOException {
    Set<String> packages = new TreeSet<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("package-info.java"))
          .forEach(f -> packages.add(MAIN.relativize(f.getParent()).toString().replace('/', '.')));
    }
    return packages;
  }

  /** The dev.mimg packages the files directly in {@code dir} (or, with {@code deep}, below it) name. */
  private static Set<String> uses(Path dir, boolean deep) throws IOException {
    Set<String> used = new TreeSet<>();
    try (Stream<Path> files = deep ? Files.walk(dir) : Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().matches(".*\\.(java|jsh|groovy|qute)")).toList()) {
        Matcher use = USE.matcher(Files.readString(file));
        while (use.find()) {
          used.add(use.group(1));
        }
      }
    }
    return used;
  }
}
