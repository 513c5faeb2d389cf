package dev.mimg.model;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An image reference normalized like Docker's {@code ParseNormalizedNamed}: {@code alpine} is
 * {@code docker.io/library/alpine:latest}, {@code user/app} is {@code docker.io/user/app:latest}.
 *
 * <p>A reference has a tag, a digest or both; {@link #tag()} and {@link #digest()} return {@link Optional}s.
 * A reference parsed without tag and digest gets the tag {@code latest}.
 */
public final class Reference {

  /** Docker Hub's canonical domain. */
  public static final String DOCKER_HUB = "docker.io";
  /** The tag implied when a reference names neither tag nor digest. */
  public static final String DEFAULT_TAG = "latest";

  private static final String LEGACY_DOCKER_HUB = "index.docker.io";
  private static final String LOCALHOST = "localhost";
  private static final String OFFICIAL_PREFIX = "library/";
  private static final int MAX_NAME_LENGTH = 255;
  private static final int MAX_TAG_LENGTH = 128;

  private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
  private static final Pattern DOMAIN = Pattern.compile(
      "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?");
  private static final Pattern TAG = Pattern.compile("\\w[\\w.-]{0,127}");
  private static final Pattern IMAGE_ID = Pattern.compile("[a-f0-9]{64}");

  private final String domain;
  private final String path;
  private final String tag;
  private final Digest digest;

  private Reference(String domain, String path, String tag, Digest digest) {
    this.domain = domain;
    this.path = path;
    this.tag = tag;
    this.digest = digest;
  }

  /**
   * Parses and normalizes a reference such as {@code alpine}, {@code localhost:5000/x:1} or {@code repo@sha256:...}.
   */
  public static Reference parse(String text) {
    if (text == null || text.isEmpty()) {
      throw invalid("", "reference is empty");
    }
    if (IMAGE_ID.matcher(text).matches()) {
      throw invalid(text, "a 64-character hex string is an image ID, not a repository name");
    }
    String rest = text;
    Digest digest = null;
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = parseDigest(text, rest.substring(at + 1));
      rest = rest.substring(0, at);
    }
    if (rest.isEmpty()) {
      throw invalid(text, "repository name is empty");
    }
    String[] domainAndRemainder = splitDomain(rest);
    String domain = domainAndRemainder[0];
    String remainder = domainAndRemainder[1];
    String tag = null;
    int colon = remainder.indexOf(':');
    if (colon >= 0) {
      tag = remainder.substring(colon + 1);
      remainder = remainder.substring(0, colon);
    }
    validate(text, domain, remainder, tag);
    return new Reference(domain, remainder, tag == null && digest == null ? DEFAULT_TAG : tag, digest);
  }

  /** The registry domain, e.g. "docker.io" or "localhost:5000". */
  public String domain() {
    return domain;
  }

  /** The repository path inside the registry, e.g. "library/alpine". */
  public String path() {
    return path;
  }

  /** The tag, if any. */
  public Optional<String> tag() {
    return Optional.ofNullable(tag);
  }

  /** The digest, if any. */
  public Optional<Digest> digest() {
    return Optional.ofNullable(digest);
  }

  /** True when the reference pins a digest and names no tag. */
  public boolean isDigestOnly() {
    return digest != null && tag == null;
  }

  /** The fully qualified repository name, e.g. "docker.io/library/alpine". */
  public String name() {
    return domain + "/" + path;
  }

  /** The repository as {@code docker images} shows it: "alpine", "user/app" or "127.0.0.1:5000/x". */
  public String familiarName() {
    if (!domain.equals(DOCKER_HUB)) {
      return name();
    }
    return path.startsWith(OFFICIAL_PREFIX) && path.indexOf('/', OFFICIAL_PREFIX.length()) < 0
        ? path.substring(OFFICIAL_PREFIX.length())
        : path;
  }

  /** The short form, e.g. "alpine:3.16" or "user/app@sha256:...". */
  public String familiarString() {
    return familiarName() + suffix();
  }

  /** A copy with the given tag (the digest, if any, is kept). */
  public Reference withTag(String newTag) {
    Objects.requireNonNull(newTag, "tag");
    if (!TAG.matcher(newTag).matches()) {
      throw InvalidInputException.of("invalid tag", newTag, tagProblem());
    }
    return new Reference(domain, path, newTag, digest);
  }

  /** A copy pinned to the given digest (the tag, if any, is kept). */
  public Reference withDigest(Digest newDigest) {
    return new Reference(domain, path, tag, Objects.requireNonNull(newDigest, "digest"));
  }

  /** The full normalized form, e.g. "docker.io/library/alpine:latest". */
  @Override
  public String toString() {
    return name() + suffix();
  }

  /** Equal when domain, path, tag and digest are all equal. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Reference other
        && domain.equals(other.domain)
        && path.equals(other.path)
        && Objects.equals(tag, other.tag)
        && Objects.equals(digest, other.digest);
  }

  /** Consistent with {@link #equals(Object)}. */
  @Override
  public int hashCode() {
    return Objects.hash(domain, path, tag, digest);
  }

  private String suffix() {
    return (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
  }

  /**
   * Splits off the domain: a first component containing '.' or ':', equal to "localhost" or with upper case is a
   * domain.
   */
  private static String[] splitDomain(String name) {
    int slash = name.indexOf('/');
    if (slash < 0) {
      return new String[] {DOCKER_HUB, OFFICIAL_PREFIX + name};
    }
    String first = name.substring(0, slash);
    String remainder = name.substring(slash + 1);
    String domain;
    if (first.equals(LEGACY_DOCKER_HUB)) {
      domain = DOCKER_HUB;
    } else if (first.equals(LOCALHOST) || first.contains(".") || first.contains(":")
        || !first.toLowerCase(Locale.ROOT).equals(first)) {
      domain = first;
    } else {
      return new String[] {DOCKER_HUB, name};
    }
    if (domain.equals(DOCKER_HUB) && remainder.indexOf('/') < 0) {
      remainder = OFFICIAL_PREFIX + remainder;
    }
    return new String[] {domain, remainder};
  }

  /** Checks the lengths first, so that no pattern ever sees a long input; path components one by one. */
  private static void validate(String text, String domain, String path, String tag) {
    if (domain.length() + 1 + path.length() > MAX_NAME_LENGTH) {
      throw invalid(text, "repository name must not be longer than " + MAX_NAME_LENGTH + " characters");
    }
    if (tag != null && tag.length() > MAX_TAG_LENGTH) {
      throw invalid(text, "invalid tag " + InvalidInputException.quoteBounded(tag) + ": " + tagProblem());
    }
    if (!DOMAIN.matcher(domain).matches()) {
      throw invalid(text, "invalid registry domain " + InvalidInputException.quote(domain));
    }
    if (!path.toLowerCase(Locale.ROOT).equals(path)) {
      throw invalid(text, "repository name must be lowercase");
    }
    for (String component : path.split("/", -1)) {
      if (!isPathComponent(component)) {
        throw invalid(text, "invalid repository name " + InvalidInputException.quote(path)
            + " (use lowercase letters, digits and single '.', '_' or '-' separators)");
      }
    }
    if (tag != null && !TAG.matcher(tag).matches()) {
      throw invalid(text, "invalid tag " + InvalidInputException.quote(tag) + ": " + tagProblem());
    }
  }

  /**
   * One path component as the distribution spec's {@code [a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*}: runs of lower-case
   * letters and digits joined by one '.', one or two '_', or any number of '-'; scanned once, no backtracking.
   */
  private static boolean isPathComponent(String component) {
    int i = 0;
    int n = component.length();
    while (true) {
      int run = i;
      while (i < n && isLowerAlphanumeric(component.charAt(i))) {
        i++;
      }
      if (i == run) {
        return false;
      }
      if (i == n) {
        return true;
      }
      char separator = component.charAt(i);
      if (separator == '.') {
        i++;
      } else if (separator == '_') {
        i += i + 1 < n && component.charAt(i + 1) == '_' ? 2 : 1;
      } else if (separator == '-') {
        while (i < n && component.charAt(i) == '-') {
          i++;
        }
      } else {
        return false;
      }
    }
  }

  private static boolean isLowerAlphanumeric(char c) {
    return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
  }

  private static Digest parseDigest(String text, String digestText) {
    try {
      return Digest.parse(digestText);
    } catch (InvalidInputException e) {
      throw invalid(text, e.getMessage());
    }
  }

  private static String tagProblem() {
    return "a tag is 1 to 128 letters, digits, '_', '.' or '-' and cannot start with '.' or '-'";
  }

  private static InvalidInputException invalid(String text, String problem) {
    return InvalidInputException.of("invalid reference", text, problem);
  }


}
