package dev.mimg.model;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Byte counts formatted exactly like {@code docker image ls}: go-units {@code HumanSizeWithPrecision(size, 3)},
 * i.e. decimal units and Go's {@code %.3g} with no space before the unit ("832kB", "6.19MB", "1e+03kB").
 */
public final class HumanSize {

  /** The precision {@code docker image ls} uses. */
  public static final int DOCKER_PRECISION = 3;

  private static final List<String> UNITS = List.of("B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB");
  private static final double BASE = 1000.0;
  /** Recent answers of {@link #format(long)}: a listing formats the same few sizes many times (shared variants). */
  private static final Map<Long, String> FORMATTED = new ConcurrentHashMap<>();
  private static final int REMEMBERED = 4096;

  private HumanSize() {
  }

  /** Formats with Docker's precision of 3 significant digits, e.g. 6190000 -> "6.19MB". */
  public static String format(long bytes) {
    String known = FORMATTED.get(bytes);
    if (known != null) {
      return known;
    }
    String formatted = format(bytes, DOCKER_PRECISION);
    if (FORMATTED.size() < REMEMBERED) {
      FORMATTED.put(bytes, formatted);
    }
    return formatted;
  }

  /** Formats with the given number of significant digits, dividing by 1000 while the value is at least 1000. */
  public static String format(long bytes, int precision) {
    double size = bytes;
    int unit = 0;
    while (size >= BASE && unit < UNITS.size() - 1) {
      size /= BASE;
      unit++;
    }
    return GoFloatFormat.formatG(size, precision) + UNITS.get(unit);
  }
}
