package dev.mimg.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReferenceTest {

  private static final String HEX = DigestTest.HEX64;
  private static final String DIGEST = "sha256:" + HEX;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # input                              | domain         | path              | tag          | digest | familiarName          | toString
            alpine                               | docker.io      | library/alpine    | latest       | -      | alpine                | docker.io/library/alpine:latest
            alpine:3.16                          | docker.io      | library/alpine    | 3.16         | -      | alpine                | docker.io/library/alpine:3.16
            library/alpine:3.16                  | docker.io      | library/alpine    | 3.16         | -      | alpine                | docker.io/library/alpine:3.16
            docker.io/alpine                     | docker.io      | library/alpine    | latest       | -      | alpine                | docker.io/library/alpine:latest
            docker.io/library/alpine:edge        | docker.io      | library/alpine    | edge         | -      | alpine                | docker.io/library/alpine:edge
            index.docker.io/alpine               | docker.io      | library/alpine    | latest       | -      | alpine                | docker.io/library/alpine:latest
            index.docker.io/user/app:v1          | docker.io      | user/app          | v1           | -      | user/app              | docker.io/user/app:v1
            user/app                             | docker.io      | user/app          | latest       | -      | user/app              | docker.io/user/app:latest
            user/team/app:1.0                    | docker.io      | user/team/app     | 1.0          | -      | user/team/app         | docker.io/user/team/app:1.0
            docker.io/library/a/b                | docker.io      | library/a/b       | latest       | -      | library/a/b           | docker.io/library/a/b:latest
            localhost:5000/x:1                   | localhost:5000 | x                 | 1            | -      | localhost:5000/x      | localhost:5000/x:1
            localhost/x                          | localhost      | x                 | latest       | -      | localhost/x           | localhost/x:latest
            localhost:5000                       | docker.io      | library/localhost | 5000         | -      | localhost             | docker.io/library/localhost:5000
            registry:5000/app                    | registry:5000  | app               | latest       | -      | registry:5000/app     | registry:5000/app:latest
            ghcr.io/org/team/app:1.2.3-rc.1      | ghcr.io        | org/team/app      | 1.2.3-rc.1   | -      | ghcr.io/org/team/app  | ghcr.io/org/team/app:1.2.3-rc.1
            example.com/a__b/c-d.e:Tag_X         | example.com    | a__b/c-d.e        | Tag_X        | -      | example.com/a__b/c-d.e| example.com/a__b/c-d.e:Tag_X
            Registry.Example.COM/app             | Registry.Example.COM | app         | latest       | -      | Registry.Example.COM/app | Registry.Example.COM/app:latest
            Foo/bar                              | Foo            | bar               | latest       | -      | Foo/bar               | Foo/bar:latest
            [::1]:5000/app:v1                    | [::1]:5000     | app               | v1           | -      | [::1]:5000/app        | [::1]:5000/app:v1
            my-registry.local/a--b/c             | my-registry.local | a--b/c         | latest       | -      | my-registry.local/a--b/c | my-registry.local/a--b/c:latest
            """)
  void normalizesTaggedReferences(String input, String domain, String path, String tag, String digest,
                  String familiarName, String full) {
    Reference ref = Reference.parse(input);

    assertThat(ref.domain()).isEqualTo(domain);
    assertThat(ref.path()).isEqualTo(path);
    assertThat(ref.tag()).contains(tag);
    assertThat(ref.digest()).isEmpty();
    assertThat(ref.name()).isEqualTo(domain + "/" + path);
    assertThat(ref.familiarName()).isEqualTo(familiarName);
    assertThat(ref).hasToString(full);
    assertThat(ref.familiarString()).isEqualTo(familiarName + ":" + tag);
    assertThat(ref.isDigestOnly()).isFalse();
    assertThat(Reference.parse(full)).isEqualTo(ref);
  }

  @Test
  void digestOnlyReferenceHasNoDefaultTag() {
    Reference ref = Reference.parse("127.0.0.1:5000/a/b@" + DIGEST);

    assertThat(ref.domain()).isEqualTo("127.0.0.1:5000");
    assertThat(ref.path()).isEqualTo("a/b");
    assertThat(ref.tag()).isEmpty();
    assertThat(ref.digest()).contains(Digest.parse(DIGEST));
    assertThat(ref.isDigestOnly()).isTrue();
    assertThat(ref.familiarName()).isEqualTo("127.0.0.1:5000/a/b");
    assertThat(ref).hasToString("127.0.0.1:5000/a/b@" + DIGEST);
    assertThat(ref.familiarString()).isEqualTo("127.0.0.1:5000/a/b@" + DIGEST);
  }

  @Test
  void tagAndDigestTogether() {
    Reference ref = Reference.parse("alpine:3.16@" + DIGEST);

    assertThat(ref.name()).isEqualTo("docker.io/library/alpine");
    assertThat(ref.tag()).contains("3.16");
    assertThat(ref.digest()).map(Digest::toString).contains(DIGEST);
    assertThat(ref.isDigestOnly()).isFalse();
    assertThat(ref).hasToString("docker.io/library/alpine:3.16@" + DIGEST);
    assertThat(ref.familiarString()).isEqualTo("alpine:3.16@" + DIGEST);
  }

  @Test
  void withTagAndWithDigestKeepTheOtherPart() {
    Reference digestOnly = Reference.parse("user/app@" + DIGEST);

    Reference both = digestOnly.withTag("v2");
    assertThat(both).hasToString("docker.io/user/app:v2@" + DIGEST);
    assertThat(both.isDigestOnly()).isFalse();

    Reference tagged = Reference.parse("user/app:v1");
    assertThat(tagged.withDigest(Digest.parse(DIGEST))).hasToString("docker.io/user/app:v1@" + DIGEST);
    assertThat(tagged.withTag("v3").familiarString()).isEqualTo("user/app:v3");
    assertThat(tagged).hasToString("docker.io/user/app:v1");
  }

  @Test
  void withTagRejectsInvalidTag() {
    assertThatThrownBy(() -> Reference.parse("alpine").withTag("-bad"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("invalid tag \"-bad\": a tag is 1 to 128 letters, digits, '_', '.' or '-' and cannot start with '.' or '-'");
  }

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
            ''                      | invalid reference "": reference is empty
            Alpine                  | invalid reference "Alpine": repository name must be lowercase
            user/App:1              | invalid reference "user/App:1": repository name must be lowercase
            docker.io/Library/x     | invalid reference "docker.io/Library/x": repository name must be lowercase
            alpine:                 | invalid reference "alpine:": invalid tag "": a tag is 1 to 128 letters, digits, '_', '.' or '-' and cannot start with '.' or '-'
            alpine:-bad             | invalid reference "alpine:-bad": invalid tag "-bad": a tag is 1 to 128 letters, digits, '_', '.' or '-' and cannot start with '.' or '-'
            alpine:.bad             | invalid reference "alpine:.bad": invalid tag ".bad": a tag is 1 to 128 letters, digits, '_', '.' or '-' and cannot start with '.' or '-'
            alpine:a:b              | invalid reference "alpine:a:b": invalid tag "a:b": a tag is 1 to 128 letters, digits, '_', '.' or '-' and cannot start with '.' or '-'
            alpine@sha256:abc       | invalid reference "alpine@sha256:abc": invalid digest "sha256:abc": sha256 needs exactly 64 lower-case hex digits
            alpine@md5:abc          | invalid reference "alpine@md5:abc": invalid digest "md5:abc": unsupported algorithm "md5" (expected sha256 or sha512)
            alpine@                 | invalid reference "alpine@": invalid digest "": digest is empty
            @sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 | invalid reference "@sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855": repository name is empty
            e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 | invalid reference "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855": a 64-character hex string is an image ID, not a repository name
            a//b                    | invalid reference "a//b": invalid repository name "a//b" (use lowercase letters, digits and single '.', '_' or '-' separators)
            -alpine                 | invalid reference "-alpine": invalid repository name "library/-alpine" (use lowercase letters, digits and single '.', '_' or '-' separators)
            user/app/               | invalid reference "user/app/": invalid repository name "user/app/" (use lowercase letters, digits and single '.', '_' or '-' separators)
            a___b                   | invalid reference "a___b": invalid repository name "library/a___b" (use lowercase letters, digits and single '.', '_' or '-' separators)
            ghcr.io/                | invalid reference "ghcr.io/": invalid repository name "" (use lowercase letters, digits and single '.', '_' or '-' separators)
            exa_mple.com/x          | invalid reference "exa_mple.com/x": invalid registry domain "exa_mple.com"
            example.com:port/x      | invalid reference "example.com:port/x": invalid registry domain "example.com:port"
            -bad.example.com/x      | invalid reference "-bad.example.com/x": invalid registry domain "-bad.example.com"
            my app                  | invalid reference "my app": invalid repository name "library/my app" (use lowercase letters, digits and single '.', '_' or '-' separators)
            """)
  void rejectsInvalidReferencesWithOneLineMessage(String input, String message) {
    assertThatThrownBy(() -> Reference.parse(input))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(message);
  }

  @Test
  void rejectsOverlongTagAndName() {
    assertThat(Reference.parse("alpine:" + "t".repeat(128)).tag()).contains("t".repeat(128));
    assertThatThrownBy(() -> Reference.parse("alpine:" + "t".repeat(129)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("invalid tag");
    assertThatThrownBy(() -> Reference.parse("example.com/" + "a".repeat(250)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageEndingWith("repository name must not be longer than 255 characters");
  }

  @Test
  void aReferenceOfThousandsOfComponentsIsOneLineNotAStackOverflow() {
    String input = "a/".repeat(3000) + "a";
    assertThatThrownBy(() -> Reference.parse(input))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("invalid reference \"" + "a/".repeat(50) + "...\" (6001 characters): repository name must "
            + "not be longer than 255 characters");
  }

  @Test
  void hugeInputsOfEveryShapeAreInvalidInputNeverAnError() {
    for (String input : new String[] {"a.".repeat(5000) + "a/x", "x/" + "a-".repeat(5000) + "a", "x/" + "a_b".repeat(5000),
        "alpine:" + "t".repeat(100_000), ":".repeat(10_000), "a@" + "sha256:".repeat(5000), "[::".repeat(5000) + "]/x",
        "ex.com/" + "a".repeat(100_000) + ":1"}) {
      assertThatThrownBy(() -> Reference.parse(input)).isInstanceOf(InvalidInputException.class)
          .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(400).doesNotContain("\n"));
    }
  }

  @Test
  void aLongTagIsQuotedShortWithItsLength() {
    assertThatThrownBy(() -> Reference.parse("alpine:" + "t".repeat(200)))
        .hasMessage("invalid reference \"alpine:" + "t".repeat(93) + "...\" (207 characters): invalid tag \""
            + "t".repeat(100) + "...\" (200 characters): a tag is 1 to 128 letters, digits, '_', '.' or '-' "
            + "and cannot start with '.' or '-'");
  }

  @Test
  void manyComponentsWithinTheLengthLimitAreFine() {
    String path = "a/".repeat(121) + "a";
    Reference ref = Reference.parse("example.com/" + path);
    assertThat(ref.name()).hasSize(255);
    assertThat(ref.path()).isEqualTo(path);
    assertThat(Reference.parse("x/a-----b__c.d_e").path()).isEqualTo("x/a-----b__c.d_e");
  }

  @Test
  void rejectsPathCharactersInDigest() {
    assertThatThrownBy(() -> Reference.parse("alpine@sha256:../../etc/passwd"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("invalid digest");
  }

  @Test
  void equalReferencesHaveEqualHashCodes() {
    assertThat(Reference.parse("alpine")).isEqualTo(Reference.parse("docker.io/library/alpine:latest"))
        .hasSameHashCodeAs(Reference.parse("index.docker.io/library/alpine"));
    assertThat(Reference.parse("alpine:3")).isNotEqualTo(Reference.parse("alpine:4"));
  }
}
