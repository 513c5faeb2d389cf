package dev.mimg.cli;

import dev.mimg.model.InvalidInputException;
import dev.mimg.query.ImageQuery;
import java.util.List;

/** Docker-style {@code --filter KEY=VALUE} flags, turned into query steps. */
final class ListFilters {

  private ListFilters() {
  }

  /** Applies each filter to the query; an unknown key or bad value is an {@link InvalidInputException}. */
  static ImageQuery apply(ImageQuery query, List<String> filters) {
    ImageQuery result = query;
    for (String filter : filters) {
      int eq = filter.indexOf('=');
      if (eq <= 0) {
        throw new InvalidInputException("invalid filter \"" + filter + "\": expected KEY=VALUE");
      }
      String key = filter.substring(0, eq);
      String value = filter.substring(eq + 1);
      result = switch (key) {
        case "platform" -> result.platform(value);
        case "reference" -> result.reference(value);
        case "dangling" -> result.dangling(bool(filter, value));
        case "shallow" -> bool(filter, value) ? result.shallow() : result.complete();
        default -> throw new InvalidInputException("invalid filter \"" + filter
            + "\": unknown key " + key + " (keys: dangling, platform, reference, shallow)");
      };
    }
    return result;
  }

  private static boolean bool(String filter, String value) {
    return switch (value.toLowerCase()) {
      case "true", "1" -> true;
      case "false", "0" -> false;
      default -> throw new InvalidInputException("invalid filter \"" + filter + "\": expected true or false");
    };
  }
}
