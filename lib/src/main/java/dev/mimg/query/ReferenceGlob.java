package dev.mimg.query;

import dev.mimg.model.ImageName;
import dev.mimg.model.Reference;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Docker's {@code --filter reference=GLOB}: a shell-style pattern ({@code *} and {@code ?} stop at {@code /},
 * {@code [..]} classes) matched against the familiar and the full name, each with and without the tag.
 */
public final class ReferenceGlob {

  private final String glob;
  private final Pattern pattern;

  private ReferenceGlob(String glob, Pattern pattern) {
    this.glob = glob;
    this.pattern = pattern;
  }

  /** Compiles a glob. */
  public static ReferenceGlob of(String glob) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> regex.append("[^/]*");
        case '?' -> regex.append("[^/]");
        case '[' -> {
          int end = glob.indexOf(']', i + 1);
          if (end < 0) {
            throw new IllegalArgumentException("invalid reference filter \"" + glob + "\": unclosed [");
          }
          String body = glob.substring(i + 1, end);
          regex.append('[').append(body.startsWith("^") || body.startsWith("!") ? "^" + body.substring(1) : body)
              .append(']');
          i = end;
        }
        case '\\' -> {
          if (i + 1 < glob.length()) {
            regex.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
          }
        }
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return new ReferenceGlob(glob, Pattern.compile(regex.toString()));
  }

  /**
   * True when the pattern matches one of the reference's forms, as Docker's filter tries them: familiar and full,
   * each with and without its tag or digest.
   */
  public boolean matches(Reference reference) {
    String suffix = reference.tag().map(t -> ":" + t).orElse("")
        + reference.digest().map(d -> "@" + d).orElse("");
    return List.of(reference.familiarName(), reference.familiarName() + suffix, reference.name(),
        reference.name() + suffix).stream().anyMatch(this::matches);
  }

  /** True when the pattern matches this name as written (a layout's name that is no Docker reference). */
  public boolean matches(String name) {
    return pattern.matcher(name).matches();
  }

  /** True when the pattern matches an image name: its reference's forms, or the name as written. */
  public boolean matches(ImageName name) {
    return name.reference() != null ? matches(name.reference()) : matches(name.written());
  }

  @Override
  public String toString() {
    return glob;
  }
}
