package dev.mimg.query;

import dev.mimg.model.Image;
import dev.mimg.model.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Docker's prune filters: {@code until=DURATION|TIMESTAMP}, {@code label=KEY[=VALUE]}, {@code reference=GLOB}. */
public final class PruneFilters {

  private static final Pattern GO_DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(h|m|s|ms)");

  private PruneFilters() {
  }

  /** The images every filter accepts; an unknown key or bad value is an {@link InvalidInputException}. */
  public static Predicate<Image> parse(List<String> filters, Instant now) {
    Predicate<Image> result = image -> true;
    for (String text : filters) {
      FilterFlag filter = FilterFlag.parse(text);
      String value = filter.value();
      result = result.and(switch (filter.key()) {
        case "until" -> {
          Instant until = until(value, now);
          yield image -> image.created().isBefore(until);
        }
        case "label" -> label(value);
        case "reference" -> {
          ReferenceGlob glob = ReferenceGlob.of(value);
          yield image -> Stream.concat(image.tags().stream(), image.digestRefs().stream()).anyMatch(glob::matches);
        }
        default -> throw filter.unknownKey("label, reference, until");
      });
    }
    return result;
  }

  /** A Go duration before now ({@code 24h}, {@code 90m}, {@code 1h30m}), an RFC 3339 time, a date, or Unix seconds. */
  static Instant until(String value, Instant now) {
    Matcher part = GO_DURATION.matcher(value);
    if (!value.isEmpty() && value.replaceAll(GO_DURATION.pattern(), "").isEmpty()) {
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

  private static Predicate<Image> label(String value) {
    int eq = value.indexOf('=');
    String key = eq < 0 ? value : value.substring(0, eq);
    String wanted = eq < 0 ? null : value.substring(eq + 1);
    return image -> {
      Map<String, String> labels = image.labels();
      return labels.containsKey(key) && (wanted == null || wanted.equals(labels.get(key)));
    };
  }
}
