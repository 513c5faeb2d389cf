package dev.mimg.render;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * Jackson escapes matching Go's encoding/json: {@code <}, {@code >}, {@code &}, U+2028 and U+2029
 * become {@code \u003c}-style escapes, other control characters use lower-case hex; {@code \b \t \n
 * \f \r} keep their short forms (Go 1.22+).
 */
final class GoJsonEscapes extends CharacterEscapes {

  private static final long serialVersionUID = 1L;

  private final int[] asciiEscapes = createAsciiEscapes();

  private static int[] createAsciiEscapes() {
    int[] escapes = CharacterEscapes.standardAsciiEscapesForJSON();
    for (int c = 0; c < escapes.length; c++) {
      if (escapes[c] == ESCAPE_STANDARD) {
        escapes[c] = ESCAPE_CUSTOM;
      }
    }
    escapes['<'] = ESCAPE_CUSTOM;
    escapes['>'] = ESCAPE_CUSTOM;
    escapes['&'] = ESCAPE_CUSTOM;
    return escapes;
  }

  @Override
  public int[] getEscapeCodesForAscii() {
    return asciiEscapes;
  }

  @Override
  public SerializableString getEscapeSequence(int ch) {
    boolean custom = ch < asciiEscapes.length ? asciiEscapes[ch] == ESCAPE_CUSTOM : ch == 0x2028 || ch == 0x2029;
    return custom ? new SerializedString(String.format("\\u%04x", ch)) : null;
  }
}
