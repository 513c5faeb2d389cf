package dev.mimg.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DigestTest {

  static final String HEX64 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  static final String HEX128 = HEX64 + HEX64;

  @Test
  void parsesSha256() {
    Digest digest = Digest.parse("sha256:" + HEX64);

    assertThat(digest.algorithm()).isEqualTo("sha256");
    assertThat(digest.hex()).isEqualTo(HEX64);
    assertThat(digest).hasToString("sha256:" + HEX64);
    assertThat(digest.shortId()).isEqualTo("e3b0c44298fc");
    assertThat(digest).isEqualTo(new Digest("sha256", HEX64));
  }

  @Test
  void parsesSha512() {
    Digest digest = Digest.parse("sha512:" + HEX128);

    assertThat(digest.algorithm()).isEqualTo("sha512");
    assertThat(digest.hex()).hasSize(128);
    assertThat(digest.shortId()).isEqualTo("e3b0c44298fc");
  }

  @ParameterizedTest(name = "rejects \"{0}\"")
  @ValueSource(strings = {
    "",
    "sha256",
    "sha256:",
    "sha256:abc",
    "sha256:" + "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855",
    "sha256:" + HEX64 + "0",
    "sha256:" + HEX64 + "/",
    "sha256:" + HEX64 + "\n",
    "sha256:../../../../etc/passwd",
    "sha256:../" + HEX64,
    "sha256/..:" + HEX64,
    "../sha256:" + HEX64,
    "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b8..",
    "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85/",
    "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852zzzz",
    "sha512:" + HEX64,
    "sha384:" + HEX64,
    "md5:d41d8cd98f00b204e9800998ecf8427e",
    "SHA256:" + HEX64,
    " sha256:" + HEX64,
    HEX64,
  })
  void rejectsAnythingButExactSha256OrSha512(String text) {
    assertThatThrownBy(() -> Digest.parse(text))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("invalid digest \"")
        .extracting(Throwable::getMessage).asString().doesNotContain("\n");
  }

  @Test
  void explainsWhatIsWrong() {
    assertThatThrownBy(() -> Digest.parse("sha256:../x"))
        .hasMessage("invalid digest \"sha256:../x\": sha256 needs exactly 64 lower-case hex digits");
    assertThatThrownBy(() -> Digest.parse("md5:abc"))
        .hasMessage("invalid digest \"md5:abc\": unsupported algorithm \"md5\" (expected sha256 or sha512)");
    assertThatThrownBy(() -> Digest.parse("abc"))
        .hasMessage("invalid digest \"abc\": expected <algorithm>:<hex>, e.g. sha256:<64 hex digits>");
    assertThatThrownBy(() -> Digest.parse(null)).hasMessage("invalid digest \"\": digest is empty");
  }

  @Test
  void constructorValidatesToo() {
    assertThatThrownBy(() -> new Digest("sha256", "../../etc")).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void computesSha256() {
    assertThat(Digest.sha256Of(new byte[0])).hasToString("sha256:" + HEX64);
    assertThat(Digest.sha256Of("hello".getBytes(StandardCharsets.UTF_8)))
        .hasToString("sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
  }
}
