package dev.mimg.query;

import dev.mimg.model.ImageName;
import dev.mimg.model.InvalidInputException;
import dev.mimg.model.Reference;
import java.util.ArrayList;
import java.util.List;

/**
 * Docker's {@code --filter reference=GLOB}, matched as Go's {@code path.Match} does: {@code *} is any run of
 * characters but {@code /}, {@code ?} one character but {@code /}, {@code [...]} one character of a class of
 * characters and {@code a-z} ranges ({@code [^...]} or {@code [!...]} negated), {@code \} takes the next character
 * literally; tried against the familiar and the full name, each with and without the tag. As in Go, the text
 * between two stars is matched at the first place it fits and never backtracked into, so a match costs at most
 * pattern length times name length, however many stars there are.
 */
final class ReferenceGlob {

  private final String glob;
  private final List<Chunk> chunks;

  private ReferenceGlob(String glob, List<Chunk> chunks) {
    this.glob = glob;
    this.chunks = chunks;
  }

  /** Compiles a glob; a malformed one is an {@link InvalidInputException} of one line. */
  public static ReferenceGlob of(String glob) {
    int[] pattern = glob.codePoints().toArray();
    List<Chunk> chunks = new ArrayList<>();
    int i = 0;
    while (i < pattern.length) {
      boolean star = false;
      while (i < pattern.length && pattern[i] == '*') {
        star = true;
        i++;
      }
      List<Token> tokens = new ArrayList<>();
      while (i < pattern.length && pattern[i] != '*') {
        int c = pattern[i];
        if (c == '?') {
          tokens.add(Token.ANY);
          i++;
        } else if (c == '[') {
          i = parseClass(glob, pattern, i + 1, tokens);
        } else if (c == '\\') {
          if (i + 1 == pattern.length) {
            throw invalid(glob, "it ends with a lone \\");
          }
          tokens.add(Token.literal(pattern[i + 1]));
          i += 2;
        } else {
          tokens.add(Token.literal(c));
          i++;
        }
      }
      chunks.add(new Chunk(star, List.copyOf(tokens)));
    }
    return new ReferenceGlob(glob, List.copyOf(chunks));
  }

  /**
   * True when the pattern matches one of the reference's forms, as Docker's filter tries them: familiar and full,
   * each with and without its tag or digest.
   */
  public boolean matches(Reference reference) {
    String suffix = reference.tag().map(t -> ":" + t).orElse("")
        + reference.digest().map(d -> "@" + d).orElse("");
    return matches(reference.familiarName()) || matches(reference.familiarName() + suffix)
        || matches(reference.name()) || matches(reference.name() + suffix);
  }

  /** True when the pattern matches an image name: its reference's forms, or the name as written. */
  public boolean matches(ImageName name) {
    return name.reference() != null ? matches(name.reference()) : matches(name.written());
  }

  /** True when the pattern matches all of {@code name} (a raw name, such as "docker.io/library/alpine:3.16"). */
  public boolean matches(String name) {
    int[] text = name.codePoints().toArray();
    int at = 0;
    for (int k = 0; k < chunks.size(); k++) {
      Chunk chunk = chunks.get(k);
      boolean last = k == chunks.size() - 1;
      if (chunk.star() && chunk.tokens().isEmpty()) {
        return noSlashFrom(text, at);                  // a trailing star takes the rest, if it has no '/'
      }
      int end = chunk.matchAt(text, at);
      if (end >= 0 && (!last || end == text.length)) {
        at = end;
        continue;
      }
      if (!chunk.star()) {
        return false;
      }
      end = -1;
      for (int skip = at; skip < text.length && text[skip] != '/' && end < 0; skip++) {
        end = chunk.matchAt(text, skip + 1);
        if (last && end != text.length) {
          end = -1;                                    // the last chunk must end the name
        }
      }
      if (end < 0) {
        return false;
      }
      at = end;
    }
    return at == text.length;
  }

  @Override
  public String toString() {
    return glob;
  }

  /** Parses a class after its {@code [}, as Go does; adds its token and returns the index after its {@code ]}. */
  private static int parseClass(String glob, int[] pattern, int from, List<Token> tokens) {
    int i = from;
    boolean negated = i < pattern.length && (pattern[i] == '^' || pattern[i] == '!');
    if (negated) {
      i++;
    }
    List<int[]> ranges = new ArrayList<>();
    while (true) {
      if (i < pattern.length && pattern[i] == ']' && !ranges.isEmpty()) {
        tokens.add(Token.of(negated, ranges));
        return i + 1;
      }
      int lo = classChar(glob, pattern, i, false);
      i = next(glob, pattern, i);
      int hi = lo;
      if (pattern[i] == '-') {
        hi = classChar(glob, pattern, i + 1, true);
        i = next(glob, pattern, i + 1);
      }
      ranges.add(new int[] {lo, hi});
    }
  }

  /** The class character at {@code i}, escaped or not; an unescaped - or ] cannot be one. */
  private static int classChar(String glob, int[] pattern, int i, boolean rangeEnd) {
    if (i >= pattern.length) {
      throw invalid(glob, "unclosed [");
    }
    if (pattern[i] == '-' || pattern[i] == ']') {
      throw invalid(glob, rangeEnd ? "a range needs an end after - (write \\- for a literal -)"
          : pattern[i] == ']' ? "a character class cannot be empty (write \\] for a literal ])"
          : "a range needs a start before - (write \\- for a literal -)");
    }
    int at = pattern[i] == '\\' ? i + 1 : i;
    if (at >= pattern.length) {
      throw invalid(glob, "unclosed [");
    }
    return pattern[at];
  }

  /** The index after the class character at {@code i}; a class must go on after it. */
  private static int next(String glob, int[] pattern, int i) {
    int after = pattern[i] == '\\' ? i + 2 : i + 1;
    if (after >= pattern.length) {
      throw invalid(glob, "unclosed [");
    }
    return after;
  }

  private static boolean noSlashFrom(int[] text, int at) {
    for (int i = at; i < text.length; i++) {
      if (text[i] == '/') {
        return false;
      }
    }
    return true;
  }

  private static InvalidInputException invalid(String glob, String problem) {
    return InvalidInputException.of("invalid reference filter", glob, problem);
  }

  /** Stars (at least one when {@code star}) and the characters up to the next star. */
  private record Chunk(boolean star, List<Token> tokens) {

    /** Where a match of the tokens starting at {@code at} ends, or -1. */
    int matchAt(int[] text, int at) {
      if (text.length - at < tokens.size()) {
        return -1;
      }
      for (int k = 0; k < tokens.size(); k++) {
        if (!tokens.get(k).matches(text[at + k])) {
          return -1;
        }
      }
      return at + tokens.size();
    }
  }

  /** One character of the pattern: a literal, {@code ?} (any but '/'), or a class of ranges. */
  private record Token(int literal, boolean any, boolean negated, int[][] ranges) {

    static final Token ANY = new Token(-1, true, false, null);

    static Token literal(int c) {
      return new Token(c, false, false, null);
    }

    static Token of(boolean negated, List<int[]> ranges) {
      return new Token(-1, false, negated, ranges.toArray(int[][]::new));
    }

    boolean matches(int c) {
      if (any) {
        return c != '/';
      }
      if (ranges == null) {
        return c == literal;
      }
      boolean in = false;
      for (int[] range : ranges) {
        in |= range[0] <= c && c <= range[1];
      }
      return in != negated;
    }
  }
}
