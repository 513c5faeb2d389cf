package dev.mimg.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One challenge of a {@code WWW-Authenticate} header, e.g.
 * {@code Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:x:pull"}.
 */
record AuthChallenge(String scheme, Map<String, String> parameters) {

  /** Lower-cases the scheme and freezes the parameters (their names lower-cased). */
  AuthChallenge {
    scheme = scheme.toLowerCase(Locale.ROOT);
    parameters = Map.copyOf(parameters);
  }

  /** True for the {@code Bearer} (token) scheme. */
  boolean isBearer() {
    return scheme.equals("bearer");
  }

  /** True for the {@code Basic} scheme. */
  boolean isBasic() {
    return scheme.equals("basic");
  }

  /** A parameter such as {@code realm}, {@code service} or {@code scope}. */
  Optional<String> parameter(String name) {
    return Optional.ofNullable(parameters.get(name));
  }

  /** Every challenge in the given header values, in order; malformed parts are skipped. */
  static List<AuthChallenge> parse(List<String> headerValues) {
    List<AuthChallenge> challenges = new ArrayList<>();
    for (String value : headerValues) {
      new Parser(value).readInto(challenges);
    }
    return challenges;
  }

  /** A small tokenizer for RFC 7235 challenges: {@code scheme key=value, key="quoted", scheme2 ...}. */
  private static final class Parser {
    private final String text;
    private int at;

    Parser(String text) {
      this.text = text;
    }

    void readInto(List<AuthChallenge> out) {
      String scheme = null;
      Map<String, String> parameters = new LinkedHashMap<>();
      while (skipSeparators()) {
        String token = token();
        if (token.isEmpty()) {
          at++;
          continue;
        }
        skipSpaces();
        if (at < text.length() && text.charAt(at) == '=' && scheme != null) {
          at++;
          skipSpaces();
          parameters.put(token.toLowerCase(Locale.ROOT), value());
        } else {
          if (scheme != null) {
            out.add(new AuthChallenge(scheme, parameters));
          }
          scheme = token;
          parameters = new LinkedHashMap<>();
        }
      }
      if (scheme != null) {
        out.add(new AuthChallenge(scheme, parameters));
      }
    }

    private boolean skipSeparators() {
      while (at < text.length() && (text.charAt(at) == ',' || Character.isWhitespace(text.charAt(at)))) {
        at++;
      }
      return at < text.length();
    }

    private void skipSpaces() {
      while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
        at++;
      }
    }

    private String token() {
      int start = at;
      while (at < text.length() && "=, \t\"".indexOf(text.charAt(at)) < 0) {
        at++;
      }
      return text.substring(start, at);
    }

    private String value() {
      if (at >= text.length() || text.charAt(at) != '"') {
        return token();
      }
      StringBuilder value = new StringBuilder();
      at++;
      while (at < text.length() && text.charAt(at) != '"') {
        if (text.charAt(at) == '\\' && at + 1 < text.length()) {
          at++;
        }
        value.append(text.charAt(at++));
      }
      at++;
      return value.toString();
    }
  }
}
