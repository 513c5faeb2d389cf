package dev.mimg.view;

import dev.mimg.model.Digest;
import dev.mimg.model.Image;
import dev.mimg.model.ImageName;
import dev.mimg.model.MediaTypes;
import dev.mimg.model.Platform;
import dev.mimg.model.Reference;
import dev.mimg.model.RemoteSizes;
import dev.mimg.model.Variant;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Hand-built images for the view and query tests: no engine involved. */
public final class ViewFixtures {

  /** The names a store holds, as full references (tests write them familiar). */
  public static List<ImageName> names(String... references) {
    return java.util.Arrays.stream(references).map(r -> ImageName.of(Reference.parse(r))).toList();
  }

  /** The fixed "now" every listing is anchored to. */
  public static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

  public static final Digest ALPINE_ID = digest("0ac33e5f5afa");
  public static final Digest ALPINE_AMD64 = digest("3d426b0bfc36");
  public static final Digest ALPINE_ARM_V6 = digest("4a8c5e3bb0a1");
  public static final Digest ALPINE_ARM_V7 = digest("5b9d6f4cc1b2");
  public static final Digest ALPINE_ARM64 = digest("6cae7051d2c3");
  public static final Digest ALPINE_386 = digest("7dbf8162e3d4");
  public static final Digest ALPINE_PPC64LE = digest("8ec09273f4e5");
  public static final Digest ALPINE_S390X = digest("9fd1a38405f6");

  public static final Digest BYDIGEST_ID = digest("b1d1e5700000");
  public static final Digest BYDIGEST_AMD64 = digest("b1d1e5700001");
  public static final Digest BYDIGEST_ARM64 = digest("b1d1e5700002");

  public static final Digest DANGLING_ID = digest("dead00000000");
  public static final Digest DANGLING_AMD64 = digest("dead00000001");

  public static final Digest SINGLE_ID = digest("5170e1000000");

  public static final Digest ATTESTED_ID = digest("a77e57000000");
  public static final Digest ATTESTED_AMD64 = digest("a77e57000001");
  public static final Digest ATTESTED_ARM64 = digest("a77e57000002");
  public static final Digest ATTESTED_ATT1 = digest("a77e57000003");
  public static final Digest ATTESTED_ATT2 = digest("a77e57000004");

  private ViewFixtures() {
  }

  /** A sha256 digest starting with the given hex, padded with zeros. */
  public static Digest digest(String prefix) {
    return Digest.parse("sha256:" + prefix + "0".repeat(64 - prefix.length()));
  }

  public static Platform platform(String os, String arch, String variant) {
    return Platform.of(os, arch, variant);
  }

  static Variant present(Digest digest, Platform platform, long content, long unpacked, String... containers) {
    return new Variant(digest, platform, Variant.Kind.IMAGE, true, content, unpacked, List.of(containers), null);
  }

  static Variant missing(Digest digest, Platform platform) {
    return new Variant(digest, platform, Variant.Kind.IMAGE, false, 0, 0, List.of(), null);
  }

  /**
   * alpine:3.16 and alpine:latest on one 7-platform index; amd64 (2 containers), arm64/v8 (1 container) and s390x
   * present, created 2024-03-01.
   */
  public static Image alpine() {
    return new Image(ALPINE_ID, MediaTypes.OCI_INDEX,
        names("alpine:3.16", "alpine:latest"),
        List.of(Reference.parse("alpine@" + ALPINE_ID)),
        Instant.parse("2024-03-01T10:00:00Z"),
        List.of(
            present(ALPINE_AMD64, platform("linux", "amd64", ""), 3_410_000, 9_800_000, "c1", "c2"),
            missing(ALPINE_ARM_V6, platform("linux", "arm", "v6")),
            missing(ALPINE_ARM_V7, platform("linux", "arm", "v7")),
            present(ALPINE_ARM64, platform("linux", "arm64", "v8"), 3_350_000, 9_400_000, "c3"),
            missing(ALPINE_386, platform("linux", "386", "")),
            missing(ALPINE_PPC64LE, platform("linux", "ppc64le", "")),
            present(ALPINE_S390X, platform("linux", "s390x", ""), 3_240_000, 9_100_000)),
        Map.of());
  }

  /** Pulled by digest, never tagged: 127.0.0.1:5123/mimg/bydigest@sha256:b1d1e57..., 1 of 2 present. */
  public static Image byDigest() {
    return new Image(BYDIGEST_ID, MediaTypes.OCI_INDEX, names("127.0.0.1:5123/mimg/bydigest@" + BYDIGEST_ID),
        List.of(Reference.parse("127.0.0.1:5123/mimg/bydigest@" + BYDIGEST_ID)),
        Instant.parse("2025-05-29T12:00:00Z"),
        List.of(
            present(BYDIGEST_AMD64, platform("linux", "amd64", ""), 225_000, 610_000),
            missing(BYDIGEST_ARM64, platform("linux", "arm64", "v8"))),
        Map.of());
  }

  /** No name at all, created at the epoch (CREATED N/A). */
  public static Image dangling() {
    return new Image(DANGLING_ID, MediaTypes.OCI_INDEX, List.of(), List.of(), Instant.EPOCH,
        List.of(present(DANGLING_AMD64, platform("linux", "amd64", ""), 1_000, 2_500)),
        Map.of());
  }

  /** A plain manifest (not an index) tagged example.com/tools/single:1.0. */
  public static Image single() {
    return new Image(SINGLE_ID, MediaTypes.DOCKER_MANIFEST, names("example.com/tools/single:1.0"),
        List.of(), Instant.parse("2025-05-31T09:00:00Z"),
        List.of(present(SINGLE_ID, platform("linux", "amd64", ""), 12_345_678, 40_000_000)),
        Map.of());
  }

  /** me/attested:1: amd64 and arm64 present, each with a BuildKit attestation manifest. */
  public static Image attested() {
    Platform unknown = platform("unknown", "unknown", "");
    return new Image(ATTESTED_ID, MediaTypes.OCI_INDEX, names("me/attested:1"), List.of(),
        Instant.parse("2025-06-01T11:59:00Z"),
        List.of(
            present(ATTESTED_AMD64, platform("linux", "amd64", ""), 999_999, 1_000_000),
            present(ATTESTED_ARM64, platform("linux", "arm64", ""), 1_000, 0),
            new Variant(ATTESTED_ATT1, unknown, Variant.Kind.ATTESTATION, true, 840, 0, List.of(), ATTESTED_AMD64),
            new Variant(ATTESTED_ATT2, unknown, Variant.Kind.ATTESTATION, true, 838, 0, List.of(), ATTESTED_ARM64)),
        Map.of());
  }

  /**
   * What a registry would answer for the fixtures' missing variants: alpine's four (2.68MB for 386, as Docker Hub's
   * tag page lists alpine 3.16.3), bydigest's failing with a 401.
   */
  public static RemoteSizes remoteSizes() {
    return RemoteSizes.of(
        Map.of(ALPINE_ARM_V6, 2_490_000L, ALPINE_ARM_V7, 2_310_000L, ALPINE_386, 2_680_000L, ALPINE_PPC64LE, 2_670_000L),
        Map.of(BYDIGEST_ID, "127.0.0.1:5123/mimg/bydigest@sha256:b1d1e5700002: unauthorized (401)"));
  }

  /** Every fixture, in listing order (repository, then tag; untagged after). */
  public static List<Image> all() {
    return List.of(alpine(), single(), attested(), byDigest(), dangling());
  }
}
