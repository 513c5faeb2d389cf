package dev.mimg.render;

import static dev.mimg.render.TemplateFixtures.FIELDS;
import static dev.mimg.render.TemplateFixtures.HEADERS;
import static dev.mimg.render.TemplateFixtures.alpine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GoTemplateTest {

  static Stream<Arguments> rendered() {
    return Stream.of(
        Arguments.of("{{.Repository}}:{{.Tag}}", "alpine:3.19"),
        Arguments.of("{{.Size}}", "7800000"),
        Arguments.of("{{.Platforms}}", "linux/amd64, linux/arm64/v8"),
        Arguments.of("{{.Labels.maintainer}}", "<a&b>"),
        Arguments.of("{{.Labels}}", "map[maintainer:<a&b> version:3.19]"),
        Arguments.of("{{.Labels.absent}}", "<no value>"),
        Arguments.of("{{.Note}}", "<no value>"),
        Arguments.of("{{.Missing}}", "<no value>"),
        Arguments.of("{{.Missing.Deeper}}", "<no value>"),
        Arguments.of("{{json .Labels}}", "{\"maintainer\":\"\\u003ca\\u0026b\\u003e\",\"version\":\"3.19\"}"),
        Arguments.of("{{.Labels | json}}", "{\"maintainer\":\"\\u003ca\\u0026b\\u003e\",\"version\":\"3.19\"}"),
        Arguments.of("{{json .Platforms}}", "[\"linux/amd64\",\"linux/arm64/v8\"]"),
        Arguments.of("{{json .Size}}", "7800000"),
        Arguments.of("{{json .Tag}}", "\"3.19\""),
        Arguments.of("{{json .Note}}", "null"),
        Arguments.of("{{upper .Repository}}", "ALPINE"),
        Arguments.of("{{.Repository | upper}}", "ALPINE"),
        Arguments.of("{{.Repository | upper | lower}}", "alpine"),
        Arguments.of("{{.Tag | json | upper}}", "\"3.19\""),
        Arguments.of("{{join .Platforms \" | \"}}", "linux/amd64 | linux/arm64/v8"),
        Arguments.of("{{join .Platforms `,`}}", "linux/amd64,linux/arm64/v8"),
        Arguments.of("{{join .Platforms \"\\u2192\"}}", "linux/amd64\u2192linux/arm64/v8"),
        Arguments.of("{{\"}}\"}}", "}}"),
        Arguments.of("}} stays {{.Tag}}", "}} stays 3.19"),
        Arguments.of("{{.Repository}}\\t{{.Tag}}\\n", "alpine\t3.19\n"),
        Arguments.of("a  {{- .Tag -}}  b", "a3.19b"),
        Arguments.of("{{.Repository}}\\n\\n  {{- .Tag}}", "alpine3.19"),
        Arguments.of("{{.Repository -}}\n\t {{.Tag}}", "alpine3.19"),
        Arguments.of("  {{.ID}}  ", "0a1b2c3d4e5f"),
        Arguments.of("no actions", "no actions"),
        Arguments.of("", ""));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("rendered")
  void rendersRow(String format, String expected) {
    assertThat(GoTemplate.parse(format, FIELDS).render(alpine())).isEqualTo(expected);
  }

  @Test
  void jsonOfDotKeepsRowOrderAndEscapesLikeGo() {
    Map<String, Object> row = new Row(Map.of()).with("Repository", "alpine").with("Size", 5L)
        .with("Note", "a<b>&c\u2028\u0001\t\"\\é/").with("Labels", null).fields();

    String json = GoTemplate.parse("{{json .}}", FIELDS).render(row);

    assertThat(json).isEqualTo("{\"Repository\":\"alpine\",\"Size\":5,"
        + "\"Note\":\"a\\u003cb\\u003e\\u0026c\\u2028\\u0001\\t\\\"\\\\é/\",\"Labels\":null}");
  }

  @Test
  void upperUsesSimpleCaseMappingLikeGo() {
    Map<String, Object> row = Row.empty().with("Note", "straße").fields();

    assertThat(GoTemplate.parse("{{upper .Note}}", FIELDS).render(row)).isEqualTo("STRAßE");
  }

  static Stream<Arguments> tables() {
    return Stream.of(
        Arguments.of("table {{.Repository}}\t{{.ID}}", true, "REPOSITORY\tIMAGE ID"),
        Arguments.of("table\\t{{.Repository}}", true, "\tREPOSITORY"),
        Arguments.of("table {{.Repository}}:{{.Tag}} ({{.CreatedSince}})", true, "REPOSITORY:TAG (CREATED)"),
        Arguments.of("table {{upper .Repository}}\\t{{json .Size}}\\t{{join .Platforms \", \"}}", true,
            "REPOSITORY\tSIZE\tPLATFORMS"),
        Arguments.of("table {{.Labels.maintainer}}\\t{{.Note}}", true, "LABELS\tNOTE"),
        Arguments.of("{{.Repository}}", false, "REPOSITORY"),
        Arguments.of("tables {{.Tag}}", true, "s TAG"));
  }

  @ParameterizedTest(name = "{0} -> header {2}")
  @MethodSource("tables")
  void detectsTableAndRendersHeader(String format, boolean table, String header) {
    GoTemplate template = GoTemplate.parse(format, FIELDS);

    assertThat(template.isTable()).isEqualTo(table);
    assertThat(template.renderHeader(HEADERS)).isEqualTo(header);
  }

  static Stream<Arguments> invalid() {
    String prefix = "invalid --format template: ";
    return Stream.of(
        Arguments.of("{{.Foo}}", prefix + "unknown field .Foo (fields: Repository, Tag, ID, "
            + "CreatedSince, Size, Platforms, Labels, Note, Missing)"),
        Arguments.of("{{json .Foo.Bar}}", prefix + "unknown field .Foo (fields: Repository, Tag, ID, "
            + "CreatedSince, Size, Platforms, Labels, Note, Missing)"),
        Arguments.of("x {{.Repository", prefix + "unclosed action \"{{.Repository\" (missing \"}}\")"),
        Arguments.of("{{.Tag}} {{", prefix + "unclosed action \"{{\" (missing \"}}\")"),
        Arguments.of("{{title .Repository}}", prefix
            + "function \"title\" not defined (functions: json, upper, lower, join)"),
        Arguments.of("{{join .Platforms}}", prefix + "wrong number of args for join: want 2 got 1"),
        Arguments.of("{{.Platforms | join \",\" \";\"}}", prefix + "wrong number of args for join: want 2 got 3"),
        Arguments.of("{{json}}", prefix + "wrong number of args for json: want 1 got 0"),
        Arguments.of("{{.Repository | .Tag}}", prefix
            + "pipeline stage 2 must be a function (json, upper, lower, join), got .Tag"),
        Arguments.of("{{.Repository .Tag}}", prefix
            + "unexpected .Tag after .Repository (only functions take arguments)"),
        Arguments.of("{{if .Tag}}x{{end}}", prefix
            + "unsupported action \"if\" (supported: fields and json, upper, lower, join)"),
        Arguments.of("{{}}", prefix + "missing value for command (empty action {{}})"),
        Arguments.of("{{.Tag | }}", prefix + "missing value for command in pipeline stage 2"),
        Arguments.of("{{\"abc}}", prefix + "unterminated quoted string in action \"{{\"abc}}\""),
        Arguments.of("{{join .Platforms \"\\n\"}}", prefix
            + "unterminated quoted string in action \"{{join .Platforms \"\\n\"}}\""),
        Arguments.of("{{-.Tag}}", prefix + "unexpected \"-\" in action \"{{-.Tag}}\""),
        Arguments.of("{{(.Tag)}}", prefix + "unexpected \"(\" in action \"{{(.Tag)}}\""),
        Arguments.of("{{join .Platforms upper}}", prefix
            + "unexpected upper as an argument (expected a field or a string)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void rejectsInvalidTemplateWithOneLineMessage(String format, String message) {
    assertThatThrownBy(() -> GoTemplate.parse(format, FIELDS))
        .isInstanceOf(TemplateException.class)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  static Stream<Arguments> failingAtRender() {
    String prefix = "invalid --format template: ";
    return Stream.of(
        Arguments.of("{{.Repository.Name}}", prefix
            + "can't evaluate field Name in type string (.Repository.Name)"),
        Arguments.of("{{.Platforms | join \", \"}}", prefix + "join: first argument must be a list, got string"),
        Arguments.of("{{join .Platforms .Size}}", prefix + "join: second argument must be a string, got number"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failingAtRender")
  void reportsTypeErrorsWhenRendering(String format, String message) {
    GoTemplate template = GoTemplate.parse(format, FIELDS);

    assertThatThrownBy(() -> template.render(alpine())).isInstanceOf(TemplateException.class).hasMessage(message);
  }

  @Test
  void listsUnorderedKnownFieldsAlphabetically() {
    assertThatThrownBy(() -> GoTemplate.parse("{{.X}}", Set.of("Tag", "ID", "Repository")))
        .hasMessage("invalid --format template: unknown field .X (fields: ID, Repository, Tag)");
  }
}
