package dev.mimg.render;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Shared rows, fields and headers for the template tests. */
final class TemplateFixtures {

  static final Set<String> FIELDS = new LinkedHashSet<>(List.of(
      "Repository", "Tag", "ID", "CreatedSince", "Size", "Platforms", "Labels", "Note", "Missing"));

  static final Map<String, String> HEADERS = Map.of(
      "Repository", "REPOSITORY", "Tag", "TAG", "ID", "IMAGE ID",
      "CreatedSince", "CREATED", "Size", "SIZE", "Platforms", "PLATFORMS");

  private TemplateFixtures() {
  }

  /** An image row with a nested label map, a platform list and a null value. */
  static Map<String, Object> alpine() {
    Map<String, Object> labels = new LinkedHashMap<>();
    labels.put("maintainer", "<a&b>");
    labels.put("version", "3.19");
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("Repository", "alpine");
    row.put("Tag", "3.19");
    row.put("ID", "0a1b2c3d4e5f");
    row.put("CreatedSince", "2 weeks ago");
    row.put("Size", 7_800_000L);
    row.put("Platforms", List.of("linux/amd64", "linux/arm64/v8"));
    row.put("Labels", labels);
    row.put("Note", null);
    return new Row(row).fields();
  }
}
