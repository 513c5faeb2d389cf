package dev.mimg.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mimg.model.InvalidInputException;
import dev.mimg.model.Reference;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Docker's --filter reference=GLOB semantics: Go's path.Match on each of the reference's names. */
class ReferenceGlobTest {

  private static boolean matches(String glob, String reference) {
    return ReferenceGlob.of(glob).matches(Reference.parse(reference));
  }

  @Test
  void starMatchesFamiliarNameWithAndWithoutTag() {
    assertThat(matches("alpine*", "alpine:3.16")).isTrue();
    assertThat(matches("alp*", "alpine")).isTrue();
    assertThat(matches("alpine", "alpine:3.16")).isTrue();
  }

  @Test
  void starDoesNotCrossSlash() {
    assertThat(matches("alpine*", "alpine/tools:1")).isFalse();
    assertThat(matches("alpine*", "127.0.0.1:5123/mimg/alpine:3.16")).isFalse();
    assertThat(matches("*", "me/app:1")).isFalse();
    assertThat(matches("*/*", "me/app:1")).isTrue();
    assertThat(matches("*/alpine*", "127.0.0.1:5123/mimg/alpine:3.16")).isFalse();
    assertThat(matches("*/*/alpine*", "127.0.0.1:5123/mimg/alpine:3.16")).isTrue();
    assertThat(matches("127.0.0.1:5123/mimg/*", "127.0.0.1:5123/mimg/alpine:3.16")).isTrue();
  }

  @Test
  void questionMarkIsOneNonSlashCharacter() {
    assertThat(matches("?lpine", "alpine")).isTrue();
    assertThat(matches("??pine", "alpine")).isTrue();
    assertThat(matches("?alpine", "alpine")).isFalse();
    assertThat(matches("me?app", "me/app")).isFalse();
  }

  @Test
  void fullNameMatchesWithAndWithoutTag() {
    assertThat(matches("docker.io/library/alpine", "alpine:3.16")).isTrue();
    assertThat(matches("docker.io/library/alpine:3.16", "alpine:3.16")).isTrue();
    assertThat(matches("docker.io/library/*", "alpine:3.16")).isTrue();
    assertThat(matches("docker.io/me/app", "me/app:1")).isTrue();
  }

  @Test
  void tagPartMustMatchWhenGiven() {
    assertThat(matches("alpine:3.16", "alpine:3.16")).isTrue();
    assertThat(matches("alpine:3.*", "alpine:3.16")).isTrue();
    assertThat(matches("alpine:latest", "alpine:3.16")).isFalse();
    assertThat(matches("alpine:3", "alpine:3.16")).isFalse();
    assertThat(matches("*:3.16", "alpine:3.16")).isTrue();
  }

  @Test
  void libraryPrefixAloneIsNotAName() {
    assertThat(matches("library/alpine", "alpine")).isFalse();
  }

  @Test
  void digestReferencesMatchByName() {
    String ref = "127.0.0.1:5123/mimg/bydigest@sha256:" + "b".repeat(64);
    assertThat(matches("127.0.0.1:5123/mimg/bydigest", ref)).isTrue();
    assertThat(matches("127.0.0.1:5123/mimg/by*", ref)).isTrue();
    assertThat(matches("127.0.0.1:5123/mimg/bydigest:*", ref)).isFalse();
  }

  @Test
  void characterClassesAndNegation() {
    assertThat(matches("[ab]usybox", "busybox")).isTrue();
    assertThat(matches("[a-c]usybox", "busybox")).isTrue();
    assertThat(matches("[^b]usybox", "busybox")).isFalse();
    assertThat(matches("[!b]usybox", "busybox")).isFalse();
    assertThat(matches("[^x]usybox", "busybox")).isTrue();
  }

  @Test
  void backslashEscapesAndRegexCharactersAreLiteral() {
    assertThat(matches("alpine\\*", "alpine:3.16")).isFalse();
    assertThat(matches("a.pine", "alpine")).isFalse();
    assertThat(matches("127.0.0.1:5123/mimg/alpine", "127.0.0.1:5123/mimg/alpine:3.16")).isTrue();
    assertThat(matches("127?0?0?1:5123/mimg/alpine", "127.0.0.1:5123/mimg/alpine")).isTrue();
  }

  /** Go's path.Match on raw names: the cases its documentation and tests pin down. */
  @ParameterizedTest(name = "{0} ~ {1}: {2}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      abc              | abc                | true
      *                | abc                | true
      *c               | abc                | true
      a*               | a                  | true
      a*               | abc                | true
      a*               | ab/c               | false
      a*/b             | abc/b              | true
      a*/b             | a/c/b              | false
      a*b*c*d*e*/f     | axbxcxdxe/f        | true
      a*b*c*d*e*/f     | axbxcxdxexxx/f     | true
      a*b*c*d*e*/f     | axbxcxdxe/xxx/f    | false
      a*b*c*d*e*/f     | axbxcxdxexxx/fff   | false
      a*b?c*x          | abxbbxdbxebxczzx   | true
      a*b?c*x          | abxbbxdbxebxczzy   | false
      ab[c]            | abc                | true
      ab[b-d]          | abc                | true
      ab[e-g]          | abc                | false
      ab[^c]           | abc                | false
      ab[^b-d]         | abc                | false
      ab[^e-g]         | abc                | true
      ab[!e-g]         | abc                | true
      a\\*b            | a*b                | true
      a\\*b            | ab                 | false
      a?b              | a☺b              | true
      a[^a]b           | a☺b              | true
      a???b            | a☺b              | false
      [a-ζ]*           | α                  | true
      *[a-ζ]           | A                  | false
      a?b              | a/b                | false
      a*b              | a/b                | false
      a[^x]b           | a/b                | true
      [\\]a]           | ]                  | true
      [\\-]            | -                  | true
      [x\\-]           | -                  | true
      [x\\-]           | z                  | false
      [\\-x]           | x                  | true
      *x               | xxx                | true
      ""               | ""                 | true
      ""               | a                  | false
      """)
  void matchesAsGoPathMatch(String glob, String name, boolean expected) {
    assertThat(ReferenceGlob.of(glob).matches(name)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      [              | unclosed [
      a[             | unclosed [
      [^             | unclosed [
      [^bc           | unclosed [
      a/b[           | unclosed [
      [a-            | unclosed [
      [\\            | unclosed [
      a\\            | it ends with a lone \\
      []a]           | a character class cannot be empty (write \\] for a literal ])
      [-]            | a range needs a start before - (write \\- for a literal -)
      [-x]           | a range needs a start before - (write \\- for a literal -)
      [x-]           | a range needs an end after - (write \\- for a literal -)
      [a-b-c]        | a range needs a start before - (write \\- for a literal -)
      """)
  void malformedPatternsAreOneLineErrors(String glob, String problem) {
    assertThatThrownBy(() -> ReferenceGlob.of(glob))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("invalid reference filter " + quote(glob) + ": " + problem);
  }

  /** Fifteen stars took minutes with a backtracking regex; Go's matching tries each chunk once per position. */
  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void manyStarsMatchWithoutBacktracking() {
    String glob = "*a".repeat(15) + "b";
    Reference noB = Reference.parse("example.com/" + "a".repeat(200));
    Reference withB = Reference.parse("example.com/" + "a".repeat(200) + "b:1");
    for (int i = 0; i < 100; i++) {
      assertThat(ReferenceGlob.of("*/" + glob).matches(noB)).isFalse();
      assertThat(ReferenceGlob.of("*/" + glob).matches(withB)).isTrue();
      assertThat(ReferenceGlob.of(glob).matches("a".repeat(10_000) + "c")).isFalse();
    }
  }

  private static String quote(String glob) {
    return "\"" + glob.replace("\\", "\\\\") + "\"";
  }

  @Test
  void unclosedClassIsAnError() {
    assertThatThrownBy(() -> ReferenceGlob.of("[abc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid reference filter \"[abc\": unclosed [");
  }

  @Test
  void toStringIsTheGlob() {
    assertThat(ReferenceGlob.of("alp*:3.?")).hasToString("alp*:3.?");
  }
}
