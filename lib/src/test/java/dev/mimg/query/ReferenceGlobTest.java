package dev.mimg.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mimg.model.Reference;
import org.junit.jupiter.api.Test;

/** Docker's --filter reference=GLOB semantics. */
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
