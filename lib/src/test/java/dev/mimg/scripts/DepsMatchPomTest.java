package dev.mimg.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The JBang launch path builds the CLI from scripts/*.java, not from lib/pom.xml: their //DEPS must name
 * exactly the pom's non-test dependencies, and the catalog's aliases must point at scripts that exist.
 */
class DepsMatchPomTest {

  private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

  /** The repository root: tests run in lib/, but find it from wherever they run. */
  private static final Path ROOT = findRoot();

  @Test
  void everyScriptBuildingTheLibraryDeclaresExactlyThePomDependencies() throws Exception {
    Set<String> all = pomDependencies(ROOT.resolve("lib/pom.xml"), true);
    Set<String> required = pomDependencies(ROOT.resolve("lib/pom.xml"), false);
    assertThat(required).as("non-test, non-optional dependencies of lib/pom.xml").isNotEmpty();
    assertThat(all).as("the optional ones are the shell's").hasSizeGreaterThan(required.size());

    List<Path> checked = new ArrayList<>();
    try (Stream<Path> scripts = Files.list(ROOT.resolve("scripts"))) {
      for (Path script : (Iterable<Path>) scripts.filter(p -> p.toString().endsWith(".java")).sorted()::iterator) {
        List<String> lines = Files.readAllLines(script);
        boolean buildsLib = lines.stream()
            .anyMatch(l -> l.startsWith("//SOURCES") && l.contains("lib/src/main/java"));
        if (!buildsLib) {
          continue;
        }
        checked.add(script);
        // a script that builds the Groovy shell needs the optional dependencies too; the CLI's must not have them
        boolean buildsShell = lines.stream().anyMatch(l -> l.startsWith("//SOURCES") && l.contains("dev/mimg/shell"));
        assertThat(scriptDependencies(lines))
            .as("//DEPS of %s vs lib/pom.xml", ROOT.relativize(script))
            .containsExactlyInAnyOrderElementsOf(buildsShell ? all : required);
      }
    }
    assertThat(checked).as("scripts that build lib/src/main/java")
        .contains(ROOT.resolve("scripts/mimg.java"), ROOT.resolve("scripts/mimg-shell.java"));
  }

  @Test
  void catalogAliasesPointAtExistingScripts() throws IOException {
    JsonNode aliases = new ObjectMapper().readTree(ROOT.resolve("jbang-catalog.json").toFile()).path("aliases");
    assertThat(aliases.isObject()).as("jbang-catalog.json has an aliases object").isTrue();
    assertThat(aliases.path("mimg").path("script-ref").asText()).isEqualTo("scripts/mimg.java");

    for (Iterator<Map.Entry<String, JsonNode>> it = aliases.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> alias = it.next();
      String ref = alias.getValue().path("script-ref").asText();
      assertThat(ref).as("script-ref of alias %s", alias.getKey()).isNotBlank();
      if (ref.contains("://") || ref.matches("[^/:]+:[^/:]+:[^/:]+.*")) {
        continue; // a URL or Maven coordinates: nothing local to check
      }
      assertThat(ROOT.resolve(ref)).as("script-ref of alias %s", alias.getKey()).isRegularFile();
      assertThat(alias.getValue().path("description").asText())
          .as("description of alias %s", alias.getKey()).isNotBlank();
    }
  }

  @Test
  void everyLibraryPackageIsInTheScriptsSources() throws IOException {
    Path main = ROOT.resolve("lib/src/main/java/dev/mimg");
    List<String> packages;
    try (Stream<Path> dirs = Files.list(main)) {
      packages = dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
    }
    for (String script : List.of("scripts/mimg.java", "scripts/mimg-shell.java")) {
      String text = Files.readString(ROOT.resolve(script));
      for (String pkg : packages) {
        if (pkg.equals("shell") && script.equals("scripts/mimg.java") || pkg.equals("notebook")) {
          continue; // the CLI never carries the Groovy side; notebooks load the library Maven builds
        }
        assertThat(text).as("%s //SOURCES covers dev/mimg/%s", script, pkg)
            .containsPattern("//SOURCES .*\\.\\./lib/src/main/java/dev/mimg/" + pkg + "/\\*\\*?\\.java");
      }
    }
  }

  @Test
  void everyExampleHasAnAliasAndEveryGroovyExampleTravelsInTheShellJar() throws IOException {
    JsonNode aliases = new ObjectMapper().readTree(ROOT.resolve("jbang-catalog.json").toFile()).path("aliases");
    String shellScript = Files.readString(ROOT.resolve("scripts/mimg-shell.java"));
    List<String> examples;
    try (Stream<Path> files = Files.list(ROOT.resolve("examples"))) {
      examples = files.map(f -> f.getFileName().toString()).filter(f -> f.matches(".+\\.(java|jsh|groovy)")).toList();
    }
    assertThat(examples).isNotEmpty();
    for (String example : examples) {
      String alias = "example-" + example.replaceFirst("\\.(java|jsh|groovy)$", "");
      if (example.endsWith(".jsh")) {
        continue; // the JShell twin of the .java example of the same name
      }
      JsonNode entry = aliases.path(alias);
      assertThat(entry.isObject()).as("catalog alias %s for examples/%s", alias, example).isTrue();
      if (example.endsWith(".groovy")) {
        assertThat(entry.path("script-ref").asText()).isEqualTo("scripts/mimg-shell.java");
        assertThat(entry.path("arguments").toString()).isEqualTo("[\"run\",\"examples/" + example + "\"]");
        assertThat(shellScript).as("scripts/mimg-shell.java //FILES for %s", example)
            .contains("//FILES examples/" + example + "=../examples/" + example + "\n");
      } else {
        assertThat(entry.path("script-ref").asText()).isEqualTo("examples/" + example);
      }
    }
  }

  /** group:artifact:version of every dependency of the pom that is not test-scoped, properties resolved. */
  /** The notebook side's dependencies: notebooks load the library built by Maven, no JBang script carries them. */
  private static final Set<String> NOTEBOOK_ONLY = Set.of("org.jfree:jfreechart",
      "io.github.padreati:rapaio-jupyter-kernel");

  static Set<String> pomDependencies(Path pomFile, boolean withOptional) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(false);
    Document pom = factory.newDocumentBuilder().parse(pomFile.toFile());
    Element project = pom.getDocumentElement();

    Map<String, String> props = new HashMap<>();
    Element properties = child(project, "properties");
    if (properties != null) {
      for (Element p : children(properties)) {
        props.put(p.getTagName(), p.getTextContent().trim());
      }
    }
    props.put("project.groupId", text(project, "groupId"));
    props.put("project.artifactId", text(project, "artifactId"));
    props.put("project.version", text(project, "version"));

    Set<String> deps = new TreeSet<>();
    Element dependencies = child(project, "dependencies");
    if (dependencies == null) {
      return deps;
    }
    for (Element dep : children(dependencies)) {
      String scope = text(dep, "scope");
      String coordinates = text(dep, "groupId") + ":" + text(dep, "artifactId");
      if (NOTEBOOK_ONLY.contains(coordinates) || "test".equals(resolve(scope, props))
          || !withOptional && "true".equals(text(dep, "optional"))) {
        continue;
      }
      String gav = resolve(text(dep, "groupId"), props) + ":" + resolve(text(dep, "artifactId"), props) + ":"
          + resolve(text(dep, "version"), props);
      assertThat(gav).as("dependency in %s (versions must be written in the pom or its properties)", pomFile)
          .doesNotContain("null").doesNotContain("${");
      deps.add(gav);
    }
    return deps;
  }

  /** group:artifact:version of every coordinate on the script's //DEPS lines (classifier and @type dropped). */
  static Set<String> scriptDependencies(List<String> lines) {
    Set<String> deps = new TreeSet<>();
    for (String line : lines) {
      if (!line.startsWith("//DEPS ")) {
        continue;
      }
      for (String coordinate : line.substring("//DEPS ".length()).trim().split("[\\s,]+")) {
        if (coordinate.isEmpty()) {
          continue;
        }
        String[] parts = coordinate.replaceFirst("@.*$", "").split(":");
        assertThat(parts.length).as("//DEPS coordinate %s", coordinate).isGreaterThanOrEqualTo(3);
        deps.add(parts[0] + ":" + parts[1] + ":" + parts[2]);
      }
    }
    return deps;
  }

  private static String resolve(String value, Map<String, String> props) {
    if (value == null) {
      return null;
    }
    String current = value;
    for (int i = 0; i < 10 && current.contains("${"); i++) {
      Matcher m = PROPERTY.matcher(current);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        String replacement = props.get(m.group(1));
        m.appendReplacement(out, Matcher.quoteReplacement(replacement == null ? m.group() : replacement));
      }
      m.appendTail(out);
      if (out.toString().equals(current)) {
        break;
      }
      current = out.toString();
    }
    return current;
  }

  private static List<Element> children(Element parent) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element) {
        out.add((Element) n);
      }
    }
    return out;
  }

  private static Element child(Element parent, String name) {
    return children(parent).stream().filter(e -> e.getTagName().equals(name)).findFirst().orElse(null);
  }

  private static String text(Element parent, String name) {
    Element e = child(parent, name);
    return e == null ? null : e.getTextContent().trim();
  }

  private static Path findRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("lib/pom.xml")) && Files.isDirectory(dir.resolve("scripts"))) {
        return dir;
      }
    }
    return Path.of("..").toAbsolutePath().normalize();
  }
}
