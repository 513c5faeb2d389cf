package dev.mimg.render;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/** Parses template text into literal text and actions, checking fields and functions up front. */
final class TemplateParser {

  private static final String OPEN = "{{";
  private static final Set<String> UNSUPPORTED_KEYWORDS = Set.of(
      "if", "else", "end", "range", "with", "define", "template", "block", "break", "continue",
      "nil", "true", "false", "and", "or", "not", "len", "index", "print", "printf", "println");

  private final Set<String> knownFields;

  private TemplateParser(Set<String> knownFields) {
    this.knownFields = knownFields;
  }

  /** Parses {@code text}; every top-level field must be one of {@code knownFields}. */
  static List<TemplateNode> parse(String text, Set<String> knownFields) {
    return new TemplateParser(knownFields).parseNodes(text);
  }

  private List<TemplateNode> parseNodes(String text) {
    List<TemplateNode> nodes = new ArrayList<>();
    int pos = 0;
    boolean trimLeadingSpace = false;
    while (true) {
      int open = text.indexOf(OPEN, pos);
      String literal = text.substring(pos, open < 0 ? text.length() : open);
      if (trimLeadingSpace) {
        literal = stripSpace(literal, true);
      }
      if (open < 0) {
        addLiteral(nodes, literal);
        return nodes;
      }
      int bodyStart = open + OPEN.length();
      if (hasLeftTrimMarker(text, bodyStart)) {
        literal = stripSpace(literal, false);
        bodyStart++;
      }
      addLiteral(nodes, literal);
      LexedAction action = ActionLexer.lex(text, open, bodyStart);
      nodes.add(new Action(parsePipeline(action.tokens())));
      trimLeadingSpace = action.trimsFollowingText();
      pos = action.end();
    }
  }

  private List<Command> parsePipeline(List<Token> tokens) {
    List<Command> pipeline = new ArrayList<>();
    List<Token> stage = new ArrayList<>();
    for (Token token : tokens) {
      if (token.kind() == Token.Kind.PIPE) {
        pipeline.add(parseCommand(stage, pipeline.size()));
        stage.clear();
      } else {
        stage.add(token);
      }
    }
    pipeline.add(parseCommand(stage, pipeline.size()));
    return pipeline;
  }

  private Command parseCommand(List<Token> tokens, int stageIndex) {
    if (tokens.isEmpty()) {
      throw new TemplateException("missing value for command"
          + (stageIndex > 0 ? " in pipeline stage " + (stageIndex + 1) : " (empty action {{}})"));
    }
    Token first = tokens.get(0);
    if (first.kind() != Token.Kind.IDENTIFIER) {
      if (stageIndex > 0) {
        throw new TemplateException("pipeline stage " + (stageIndex + 1) + " must be a function ("
            + TemplateFunction.templateNames() + "), got " + first.describe());
      }
      if (tokens.size() > 1) {
        throw new TemplateException("unexpected " + tokens.get(1).describe() + " after "
            + first.describe() + " (only functions take arguments)");
      }
      return Command.operand(parseArgument(first));
    }
    TemplateFunction function = lookUpFunction(first.text());
    List<Argument> arguments = tokens.subList(1, tokens.size()).stream().map(this::parseArgument).toList();
    int given = arguments.size() + (stageIndex > 0 ? 1 : 0);
    if (given != function.arity()) {
      throw new TemplateException("wrong number of args for " + function.templateName() + ": want "
          + function.arity() + " got " + given);
    }
    return new Command(function, arguments);
  }

  private Argument parseArgument(Token token) {
    switch (token.kind()) {
      case STRING:
        return new StringLiteral(token.text());
      case FIELD:
        FieldPath path = FieldPath.of(token.text());
        if (!path.isDot() && !knownFields.contains(path.topLevelName())) {
          throw new TemplateException("unknown field ." + path.topLevelName() + " (fields: "
              + String.join(", ", orderedForDisplay(knownFields)) + ")");
        }
        return path;
      default:
        throw new TemplateException("unexpected " + token.describe()
            + " as an argument (expected a field or a string)");
    }
  }

  private static TemplateFunction lookUpFunction(String name) {
    if (UNSUPPORTED_KEYWORDS.contains(name)) {
      throw new TemplateException("unsupported action \"" + name + "\" (supported: fields and "
          + TemplateFunction.templateNames() + ")");
    }
    return TemplateFunction.named(name).orElseThrow(() -> new TemplateException(
        "function \"" + name + "\" not defined (functions: " + TemplateFunction.templateNames() + ")"));
  }

  private static Set<String> orderedForDisplay(Set<String> fields) {
    return fields instanceof LinkedHashSet || fields instanceof SortedSet ? fields : new TreeSet<>(fields);
  }

  private static boolean hasLeftTrimMarker(String text, int bodyStart) {
    return bodyStart + 1 < text.length() && text.charAt(bodyStart) == '-'
        && ActionLexer.isSpace(text.charAt(bodyStart + 1));
  }

  private static String stripSpace(String literal, boolean leading) {
    int start = 0;
    int end = literal.length();
    while (leading && start < end && ActionLexer.isSpace(literal.charAt(start))) {
      start++;
    }
    while (!leading && end > start && ActionLexer.isSpace(literal.charAt(end - 1))) {
      end--;
    }
    return literal.substring(start, end);
  }

  private static void addLiteral(List<TemplateNode> nodes, String literal) {
    if (!literal.isEmpty()) {
      nodes.add(new LiteralText(literal));
    }
  }
}
