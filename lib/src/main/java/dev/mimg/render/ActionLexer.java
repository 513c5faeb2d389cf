package dev.mimg.render;

import java.util.ArrayList;
import java.util.List;

/** Splits the inside of one {@code {{...}}} action into tokens, following Go's text/template lexer. */
final class ActionLexer {

  private static final String CLOSE = "}}";

  private final String text;
  private final int actionStart;
  private final List<Token> tokens = new ArrayList<>();
  private int pos;

  private ActionLexer(String text, int actionStart, int bodyStart) {
    this.text = text;
    this.actionStart = actionStart;
    this.pos = bodyStart;
  }

  /** Lexes the action opened at {@code actionStart} whose body begins at {@code bodyStart}. */
  static LexedAction lex(String text, int actionStart, int bodyStart) {
    return new ActionLexer(text, actionStart, bodyStart).run();
  }

  /** Whether {@code c} is white space as Go's template lexer sees it. */
  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  private LexedAction run() {
    while (true) {
      if (pos >= text.length()) {
        throw new TemplateException("unclosed action " + quoted(text.substring(actionStart))
            + " (missing \"}}\")");
      }
      if (atTrimmingClose()) {
        return new LexedAction(tokens, pos + 2 + CLOSE.length(), true);
      }
      if (text.startsWith(CLOSE, pos)) {
        return new LexedAction(tokens, pos + CLOSE.length(), false);
      }
      lexToken(text.charAt(pos));
    }
  }

  private boolean atTrimmingClose() {
    return pos + 1 < text.length() && isSpace(text.charAt(pos)) && text.charAt(pos + 1) == '-'
        && text.startsWith(CLOSE, pos + 2);
  }

  private void lexToken(char c) {
    if (isSpace(c)) {
      pos++;
    } else if (c == '|') {
      pos++;
      tokens.add(new Token(Token.Kind.PIPE, "|"));
    } else if (c == '"') {
      lexQuotedString();
    } else if (c == '`') {
      lexRawString();
    } else if (c == '.') {
      lexField();
    } else if (isIdentifierStart(c)) {
      tokens.add(new Token(Token.Kind.IDENTIFIER, readIdentifier()));
    } else {
      throw new TemplateException("unexpected " + quoted(String.valueOf(c)) + " in action "
          + quoted(actionSnippet()));
    }
  }

  private void lexField() {
    int start = pos;
    pos++;
    while (pos < text.length() && isIdentifierStart(text.charAt(pos))) {
      readIdentifier();
      if (pos + 1 < text.length() && text.charAt(pos) == '.' && isIdentifierStart(text.charAt(pos + 1))) {
        pos++;
      }
    }
    tokens.add(new Token(Token.Kind.FIELD, text.substring(start, pos)));
  }

  private String readIdentifier() {
    int start = pos;
    while (pos < text.length() && (isIdentifierStart(text.charAt(pos)) || Character.isDigit(text.charAt(pos)))) {
      pos++;
    }
    return text.substring(start, pos);
  }

  private void lexRawString() {
    int close = text.indexOf('`', pos + 1);
    if (close < 0) {
      throw new TemplateException("unterminated raw string in action " + quoted(actionSnippet()));
    }
    tokens.add(new Token(Token.Kind.STRING, text.substring(pos + 1, close)));
    pos = close + 1;
  }

  private void lexQuotedString() {
    StringBuilder value = new StringBuilder();
    pos++;
    while (true) {
      if (pos >= text.length() || text.charAt(pos) == '\n') {
        throw new TemplateException("unterminated quoted string in action " + quoted(actionSnippet()));
      }
      char c = text.charAt(pos++);
      if (c == '"') {
        break;
      }
      value.append(c == '\\' ? readEscape() : String.valueOf(c));
    }
    tokens.add(new Token(Token.Kind.STRING, value.toString()));
  }

  private String readEscape() {
    char c = pos < text.length() ? text.charAt(pos++) : '\n';
    switch (c) {
      case '\\': return "\\";
      case '"': return "\"";
      case 'n': return "\n";
      case 't': return "\t";
      case 'r': return "\r";
      case 'u':
        if (pos + 4 <= text.length() && text.substring(pos, pos + 4).matches("[0-9a-fA-F]{4}")) {
          pos += 4;
          return String.valueOf((char) Integer.parseInt(text.substring(pos - 4, pos), 16));
        }
        break;
      default:
        break;
    }
    throw new TemplateException("invalid escape \\" + c + " in string in action " + quoted(actionSnippet()));
  }

  private String actionSnippet() {
    int close = text.indexOf(CLOSE, pos);
    return text.substring(actionStart, close < 0 ? text.length() : close + CLOSE.length());
  }

  private static boolean isIdentifierStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private static String quoted(String s) {
    return '"' + s.replace("\n", "\\n").replace("\t", "\\t") + '"';
  }
}
