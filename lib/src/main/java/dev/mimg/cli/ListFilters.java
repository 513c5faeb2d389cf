package dev.mimg.cli;

import dev.mimg.model.InvalidInputException;
import dev.mimg.query.FilterFlag;
import dev.mimg.query.ImageQuery;
import java.util.List;

/** Docker-style {@code --filter KEY=VALUE} flags, turned into query steps. */
final class ListFilters {

  private ListFilters() {
  }

  /** Applies each filter to the query; an unknown key or bad value is an {@link InvalidInputException}. */
  static ImageQuery apply(ImageQuery query, List<String> filters) {
    ImageQuery result = query;
    for (String text : filters) {
      FilterFlag filter = FilterFlag.parse(text);
      String value = filter.value();
      result = switch (filter.key()) {
        case "platform" -> result.platform(value);
        case "reference" -> result.reference(value);
        case "dangling" -> result.dangling(bool(text, value));
        case "shallow" -> bool(text, value) ? result.shallow() : result.complete();
        default -> throw filter.unknownKey("dangling, platform, reference, shallow");
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
