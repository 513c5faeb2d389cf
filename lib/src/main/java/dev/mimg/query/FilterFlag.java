package dev.mimg.query;

import dev.mimg.model.InvalidInputException;

/** One Docker-style {@code --filter KEY=VALUE} flag, split; the text as given is kept for messages. */
public record FilterFlag(String key, String value, String text) {

  /** Splits {@code KEY=VALUE}; anything else is an {@link InvalidInputException}. */
  public static FilterFlag parse(String text) {
    int eq = text.indexOf('=');
    if (eq <= 0) {
      throw new InvalidInputException("invalid filter \"" + text + "\": expected KEY=VALUE");
    }
    return new FilterFlag(text.substring(0, eq), text.substring(eq + 1), text);
  }

  /** The error for a key the command does not know. */
  public InvalidInputException unknownKey(String keys) {
    return new InvalidInputException("invalid filter \"" + text + "\": unknown key " + key + " (keys: " + keys + ")");
  }
}
