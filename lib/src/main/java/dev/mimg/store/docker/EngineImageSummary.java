package dev.mimg.store.docker;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * One entry of {@code GET /images/json?manifests=1} (API 1.47+; {@code Manifests} absent on older engines and on
 * the graphdriver store). Sample: {@code {"Id":"sha256:…","RepoTags":["alpine:3.16"],"Created":1704164645,
 * "Descriptor":{…},"Manifests":[{"ID":"sha256:…","Available":true,"Kind":"image",…}]}}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record EngineImageSummary(
    @JsonProperty("Id") String id,
    @JsonProperty("RepoTags") List<String> repoTags,
    @JsonProperty("RepoDigests") List<String> repoDigests,
    @JsonProperty("Created") long created,
    @JsonProperty("Size") long size,
    @JsonProperty("Labels") Map<String, String> labels,
    @JsonProperty("Descriptor") EngineDescriptor descriptor,
    @JsonProperty("Manifests") List<Manifest> manifests) {

  /** An OCI descriptor as the engine sends it. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record EngineDescriptor(
      String mediaType, String digest, long size, EnginePlatform platform, Map<String, String> annotations) {
  }

  /** An OCI platform as the engine sends it. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record EnginePlatform(String os, String architecture, String variant) {
  }

  /** {@code ImageManifestSummary}: one manifest of the image, available or not. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Manifest(
      @JsonProperty("ID") String id,
      @JsonProperty("Descriptor") EngineDescriptor descriptor,
      @JsonProperty("Available") boolean available,
      @JsonProperty("Size") ManifestSize size,
      @JsonProperty("Kind") String kind,
      @JsonProperty("ImageData") ImageData imageData,
      @JsonProperty("AttestationData") AttestationData attestationData) {
  }

  /** Content (blobs) and Total (content + unpacked) sizes of a manifest. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record ManifestSize(@JsonProperty("Content") long content, @JsonProperty("Total") long total) {
  }

  /** Per-platform data of an image manifest. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record ImageData(
      @JsonProperty("Platform") EnginePlatform platform,
      @JsonProperty("Containers") List<String> containers,
      @JsonProperty("Size") UnpackedSize size) {
  }

  /** Unpacked size of a platform's layers. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record UnpackedSize(@JsonProperty("Unpacked") long unpacked) {
  }

  /** What an attestation manifest is for. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record AttestationData(@JsonProperty("For") String forDigest) {
  }
}
