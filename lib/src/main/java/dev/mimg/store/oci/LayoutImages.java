package dev.mimg.store.oci;

import dev.mimg.model.Descriptor;
import dev.mimg.model.Digest;
import dev.mimg.model.Image;
import dev.mimg.model.ImageConfigs;
import dev.mimg.model.ImageManifest;
import dev.mimg.model.ImageName;
import dev.mimg.model.InvalidInputException;
import dev.mimg.model.JsonObject;
import dev.mimg.model.MediaTypes;
import dev.mimg.model.Platform;
import dev.mimg.model.Reference;
import dev.mimg.model.Variant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Maps a layout's {@code index.json} into images with the engine's semantics: one image per distinct digest (its
 * id), every entry's name a tag of it; each child of an index a variant, available only when its manifest, config
 * and all layers are present; content size = manifest + config + layers, as the engine's {@code Size.Content}.
 * An entry's own blob must be as the entry says (present, of its size and digest, an index or an image manifest),
 * and every index, manifest and config read must hash to its digest: else the layout is corrupt
 * ({@link LayoutCorruption}, naming the entry). A missing child is a shallow variant; layers are not read.
 */
final class LayoutImages {

  /** The annotation an index may carry with its creation time. */
  static final String CREATED_ANNOTATION = "org.opencontainers.image.created";


  private final OciLayout layout;
  private final RefNames names;
  private final Platform host;

  /** A reader of {@code layout}; {@code host} is the platform whose variant gives an index its created time. */
  LayoutImages(OciLayout layout, Platform host) {
    this.layout = layout;
    this.names = new RefNames(layout.directory().getFileName() == null ? ""
        : layout.directory().getFileName().toString());
    this.host = host;
  }

  /** Every image in index order; names that cannot be read are skipped and reported to {@code notices}. */
  List<Image> images(List<String> notices) {
    Map<Digest, List<Descriptor>> byDigest = new LinkedHashMap<>();
    for (Descriptor entry : layout.index().manifests()) {
      List<Descriptor> entries = byDigest.get(entry.digest());
      if (entries == null) {
        entries = new ArrayList<>();
        byDigest.put(entry.digest(), entries);
      }
      entries.add(entry);
    }
    List<Image> images = new ArrayList<>();
    for (List<Descriptor> entries : byDigest.values()) {
      try {
        images.add(image(entries, notices));
      } catch (LayoutCorruption e) {
        throw e.of(entries);
      }
    }
    return images;
  }

  /** The variants of the image of {@code entries} (the index.json entries of one digest), in index order. */
  List<LayoutVariant> variants(List<Descriptor> entries) {
    return named(entries, () -> variants(entries.get(0), checkedMediaType(entries.get(0))));
  }

  private List<LayoutVariant> variants(Descriptor top, String mediaType) {
    if (MediaTypes.isIndex(mediaType)) {
      List<LayoutVariant> variants = new ArrayList<>();
      for (Descriptor child : layout.readIndexBlob(top.digest()).manifests()) {
        variants.add(variant(child));
      }
      return variants;
    }
    return List.of(variant(top));
  }

  /**
   * The media type of an entry's blob, which must be as the entry says: present, of its size, an index or an image
   * manifest (its digest is checked where it is read).
   */
  private String checkedMediaType(Descriptor top) {
    String kind = MediaTypes.isIndex(top.mediaType()) ? "index"
        : MediaTypes.isManifest(top.mediaType()) ? "manifest" : "";
    long size = layout.blobSize(top.digest());
    if (size < 0) {
      throw LayoutCorruption.missing(layout.directory(), kind, top.digest());
    }
    if (size != top.size()) {
      throw LayoutCorruption.wrongSize(layout.directory(), kind, top.digest(), top.size(), size);
    }
    String mediaType = ContentGraph.mediaType(layout, top);
    if (!MediaTypes.isIndex(mediaType) && !MediaTypes.isManifest(mediaType)) {
      throw LayoutCorruption.unknownMediaType(layout.directory(), top.digest(), mediaType);
    }
    return mediaType;
  }

  /** Reads the image of {@code entries}; a corruption found on the way names that image. */
  private static <T> T named(List<Descriptor> entries, Supplier<T> reading) {
    try {
      return reading.get();
    } catch (LayoutCorruption e) {
      throw e.of(entries);
    }
  }

  private Image image(List<Descriptor> entries, List<String> notices) {
    Descriptor top = entries.get(0);
    String mediaType = checkedMediaType(top);
    Set<ImageName> imageNames = new LinkedHashSet<>();
    Set<Reference> digestRefs = new LinkedHashSet<>();
    for (Descriptor entry : entries) {
      Optional<ImageName> found = names.name(entry.annotations().get(OciLayout.REF_NAME_ANNOTATION));
      if (found.isPresent()) {
        ImageName name = found.get();
        imageNames.add(name);
        Reference ref = name.reference();
        if (ref != null) {
          digestRefs.add(ref.isDigestOnly() ? ref : Reference.parse(ref.name() + "@" + top.digest()));
        }
      }
    }
    List<LayoutVariant> variants = variants(top, mediaType);
    LayoutVariant best = createdFrom(variants);
    List<Variant> plain = new ArrayList<>();
    for (LayoutVariant variant : variants) {
      plain.add(variant.variant());
    }
    return new Image(top.digest(), mediaType, List.copyOf(imageNames), List.copyOf(digestRefs),
        best != null ? ImageConfigs.created(best.config()) : created(top, mediaType), plain,
        best != null ? ImageConfigs.labels(best.config()) : Map.of());
  }

  private LayoutVariant variant(Descriptor descriptor) {
    Digest attestationFor = attestationFor(descriptor);
    Variant.Kind declaredKind = descriptor.isAttestation() ? Variant.Kind.ATTESTATION
        : MediaTypes.isManifest(descriptor.mediaType()) || descriptor.mediaType() == null ? Variant.Kind.IMAGE
        : Variant.Kind.UNKNOWN;
    Platform declared = descriptor.platform() == null ? null : descriptor.platform().toPlatform();
    if (declared != null && (declared.os().isEmpty() || declared.architecture().isEmpty())) {
      declared = null;
    }
    if (!layout.hasBlob(descriptor.digest()) || !MediaTypes.isManifest(ContentGraph.mediaType(layout, descriptor))) {
      Variant.Kind kind = layout.hasBlob(descriptor.digest()) ? Variant.Kind.UNKNOWN : declaredKind;
      return new LayoutVariant(new Variant(descriptor.digest(), declared == null ? Platform.UNKNOWN : declared,
          kind, false, 0, 0,
          List.of(), attestationFor), descriptor, null, null);
    }
    ImageManifest manifest = layout.readManifestBlob(descriptor.digest());
    Descriptor config = manifest.config();
    boolean configPresent = config != null && layout.hasBlob(config.digest());
    boolean available = configPresent;
    for (Descriptor layer : manifest.layers()) {
      available = available && layout.hasBlob(layer.digest());
    }
    JsonObject configJson = configPresent && isJsonConfig(config) ? layout.readJsonBlob(config.digest()) : null;
    Platform platform = declared != null ? declared : dev.mimg.model.PlatformJson.ofConfig(configJson);
    long content = available ? manifest.contentSize(descriptor.size()) : 0;
    return new LayoutVariant(new Variant(descriptor.digest(), platform, declaredKind, available, content, 0, List.of(),
        attestationFor), descriptor, manifest, configJson);
  }

  /** The engine's choice: the available image variant of the host platform, else the first available one (or null). */
  private LayoutVariant createdFrom(List<LayoutVariant> variants) {
    LayoutVariant first = null;
    for (LayoutVariant v : variants) {
      if (v.variant().isPresent() && v.config() != null) {
        if (v.variant().platform().matches(host)) {
          return v;
        }
        first = first == null ? v : first;
      }
    }
    return first;
  }

  private static Digest attestationFor(Descriptor descriptor) {
    String forDigest = descriptor.annotations().get(Descriptor.REFERENCE_DIGEST_ANNOTATION);
    if (forDigest == null) {
      return null;
    }
    try {
      return Digest.parse(forDigest);
    } catch (InvalidInputException e) {
      return null;
    }
  }

  private static boolean isJsonConfig(Descriptor config) {
    return config.size() <= 16L << 20;
  }

  /** Without an available variant: the index's own created annotation, else the entry's, else the epoch. */
  private Instant created(Descriptor top, String mediaType) {
    String annotation = top.annotations().get(CREATED_ANNOTATION);
    if (MediaTypes.isIndex(mediaType)) {
      annotation = layout.readIndexBlob(top.digest()).annotations().getOrDefault(CREATED_ANNOTATION, annotation);
    }
    return ImageConfigs.time(annotation);
  }
}
