package dev.mimg.query;

import dev.mimg.model.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Docker-style {@code --filter KEY=VALUE} flags as query steps, one parser for every command: {@code dangling},
 * {@code label=KEY[=VALUE]}, {@code platform}, {@code reference} (globs; repeated values are any-of, as Docker's),
 * {@code shallow} and {@code until=DURATION|TIMESTAMP}. Each command says which keys it takes.
 */
public final class Filters {

  /** The keys {@code ls} takes. */
  public static final List<String> LIST_KEYS = List.of("dangling", "label", "platform", "reference", "shallow",
      "until");
  /** The keys {@code prune} takes (Docker's, plus reference). */
  public static final List<String> PRUNE_KEYS = List.of("label", "reference", "until");

  /** Compiled on the first filter only: a listing without filters compiles no pattern. */
  private static final class Patterns {
    static final Pattern FLAG = Pattern.compile("([^=]+)=(.*)", Pattern.DOTALL);
    static final Pattern GO_DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(h|m|s|ms)");
  }

  private Filters() {
  }

  /** The query with each filter's step; an unknown key or a bad value is an {@link InvalidInputException}. */
  public static ImageQuery apply(ImageQuery query, List<String> filters, List<String> keys, Instant now) {
    ImageQuery result = query;
    for (String text : filters) {
      Matcher flag = Patterns.FLAG.matcher(text);
      if (!flag.matches()) {
        throw new InvalidInputException("invalid filter \"" + text + "\": expected KEY=VALUE");
      }
      String key = flag.group(1);
      String value = flag.group(2);
      if (!keys.contains(key)) {
        throw new InvalidInputException("invalid filter \"" + text + "\": unknown key " + key + " (keys: "
            + String.join(", ", keys) + ")");
      }
      result = switch (key) {
        case "dangling" -> result.dangling(bool(text, value));
        case "label" -> {
          int eq = value.indexOf('=');
          yield eq < 0 ? result.label(value, null) : result.label(value.substring(0, eq), value.substring(eq + 1));
        }
        case "platform" -> result.platform(value);
        case "reference" -> result.reference(value);
        case "shallow" -> bool(text, value) ? result.shallow() : result.complete();
        default -> result.createdBefore(until(value, now));
      };
    }
    return result;
  }

  private static boolean bool(String filter, String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "1" -> true;
      case "false", "0" -> false;
      default -> throw new InvalidInputException("invalid filter \"" + filter + "\": expected true or false");
    };
  }

  /** A Go duration before now ({@code 24h}, {@code 90m}, {@code 1h30m}), an RFC 3339 time, a date, or Unix seconds. */
  static Instant until(String value, Instant now) {
    Matcher part = Patterns.GO_DURATION.matcher(value);
    if (!value.isEmpty() && value.replaceAll(Patterns.GO_DURATION.pattern(), "").isEmpty()) {
      Duration total = Duration.ZERO;
      while (part.find()) {
        double amount = Double.parseDouble(part.group(1));
        long unitMillis = switch (part.group(2)) {
          case "h" -> 3_600_000L;
          case "m" -> 60_000L;
          case "s" -> 1_000L;
          default -> 1L;
        };
        total = total.plusMillis((long) (amount * unitMillis));
      }
      return now.minus(total);
    }
    try {
      if (value.matches("\\d+(\\.\\d+)?")) {
        return Instant.ofEpochSecond((long) Double.parseDouble(value));
      }
      if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
        return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
      }
      return Instant.parse(value);
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new InvalidInputException("invalid filter \"until=" + value
          + "\": expected a duration (24h, 90m) or a time (2024-01-02, 2024-01-02T03:04:05Z, Unix seconds)");
    }
  }
}
