package dev.mimg.store.registry;

import dev.mimg.model.Descriptor;
import dev.mimg.model.Digest;
import dev.mimg.model.HumanSize;
import dev.mimg.model.Image;
import dev.mimg.model.ImageName;
import dev.mimg.model.IndexRewrite;
import dev.mimg.model.MediaTypes;
import dev.mimg.model.Reference;
import dev.mimg.model.Variant;
import dev.mimg.registry.Fetched;
import dev.mimg.registry.RegistryClient;
import dev.mimg.registry.RegistryException;
import dev.mimg.store.PlannedRemoval;
import dev.mimg.store.StoreException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Changes to a registry in the safe order: an index is rewritten (pushed anew under its tags) before any child is
 * deleted, an old index is deleted only when no tag names it any more, and a child manifest only when no index of
 * its repository still names it; every decision is taken on the tags as the registry names them right then.
 */
final class RegistryChanges {

  private final RegistryClient client;
  private final RegistryBlobs blobs;
  private final Function<Reference, Map<String, Digest>> tagsNow;
  private final Referrers referrers;
  private final Map<String, Boolean> deletesTags = new ConcurrentHashMap<>();

  /** {@code tagsNow}: every tag of a repository and the digest it names now (asked afresh). */
  RegistryChanges(RegistryClient client, RegistryBlobs blobs, Function<Reference, Map<String, Digest>> tagsNow,
      Referrers referrers) {
    this.client = client;
    this.referrers = referrers;
    this.blobs = blobs;
    this.tagsNow = tagsNow;
  }

  /** Why some tags of the image cannot go alone: the registry deletes tags only with their manifest. */
  Optional<String> untagRefusal(Image image) {
    Reference repository = repositories(image).get(0);
    boolean can = deletesTags.computeIfAbsent(repository.domain(), domain -> client.deletesTags(repository));
    return can ? Optional.empty() : Optional.of(repository.domain() + " deletes tags only with their manifest "
        + "(by digest), which untags every tag on it; refused");
  }

  /** Deletes these tags one by one, where the registry deletes single tags. */
  void untag(Image image, List<ImageName> names) {
    Optional<String> refused = untagRefusal(image);
    if (refused.isPresent()) {
      throw new StoreException("cannot untag " + names.get(0) + ": " + refused.get());
    }
    names.forEach(name -> client.deleteTag(name.reference()));
  }

  /** Deletes the image from every repository that holds it, then the children no remaining index names. */
  void removeImage(Image image) {
    Fetched top = blobs.manifest(image.digestRefs().get(0), image.id());
    for (Reference repository : repositories(image)) {
      deleteManifest(repository, image.id());
      deleteReferrers(repository, image.id());
      if (MediaTypes.isIndex(top.mediaType())) {
        deleteUnreferenced(repository, blobs.children(top), tagsNow.apply(repository));
      }
    }
  }

  /**
   * Removes these children from the image's index: pushes the index without them under every tag that names it,
   * deletes the old index where no tag names it any more, then the removed children no other index names.
   */
  void removeVariants(Image image, List<Variant> variants) {
    Fetched top = blobs.manifest(image.digestRefs().get(0), image.id());
    if (!MediaTypes.isIndex(top.mediaType())) {
      throw new StoreException(image.name() + " is a single manifest, not an index: remove the whole image");
    }
    IndexRewrite rewrite = rewrite(top, variants);
    for (Reference tag : image.tags()) {
      client.putManifest(tag, rewrite.bytes(), top.mediaType());
    }
    for (Reference repository : repositories(image)) {
      Map<String, Digest> tags = tagsNow.apply(repository);
      if (!tags.containsValue(image.id())) {
        deleteManifest(repository, image.id());
        deleteReferrers(repository, image.id());
      }
      deleteUnreferenced(repository, rewrite.dropped().stream().map(Descriptor::digest).toList(), tags);
    }
  }

  /** The index {@code top} without these variants (and their attestations), as the plan names it. */
  static IndexRewrite rewrite(Fetched top, List<Variant> variants) {
    IndexRewrite rewrite = IndexRewrite.without(top.bytes(), variants.stream().map(Variant::digest)
        .collect(Collectors.toSet()));
    if (rewrite.dropped().isEmpty()) {
      throw new StoreException("the index " + top.digest().shortId() + " names none of the platforms to remove");
    }
    return rewrite;
  }

  /** The plan's notices: each new index, and what the registry's garbage collection frees afterwards. */
  List<String> planNotices(List<Image> images, List<PlannedRemoval> removals, boolean wholeRegistry) {
    List<String> notices = new ArrayList<>();
    Map<Digest, PlannedRemoval> byImage = new HashMap<>();
    removals.forEach(removal -> byImage.put(removal.image().id(), removal));
    Map<Digest, Long> before = new HashMap<>();
    Map<Digest, Long> after = new HashMap<>();
    for (Image image : images) {
      Map<Digest, Long> all = blobs.of(image, RegistryBlobs.held(image));
      before.putAll(all);
      PlannedRemoval removal = byImage.get(image.id());
      if (removal == null) {
        after.putAll(all);
      } else if (!removal.wholeImage()) {
        Fetched top = blobs.manifest(image.digestRefs().get(0), image.id());
        IndexRewrite rewrite = rewrite(top, removal.variants());
        Set<Digest> dropped = rewrite.dropped().stream().map(Descriptor::digest)
            .collect(Collectors.toCollection(HashSet::new));
        dropped.add(image.id());
        Map<Digest, Long> kept = blobs.of(image, RegistryBlobs.held(image).stream()
            .filter(v -> !dropped.contains(v.digest()) && !dropped.contains(v.attestationFor())).toList());
        kept.remove(image.id());
        kept.put(rewrite.digest(), (long) rewrite.bytes().length);
        after.putAll(kept);
        notices.add(String.join(", ", image.tags().stream().map(Reference::familiarString).toList())
            + " will name a new index " + rewrite.digest() + " without " + rewrite.dropped().stream()
                .map(d -> d.declaredPlatform().map(Object::toString).orElse(d.digest().shortId()))
                .collect(Collectors.joining(", ")) + "; then the old index " + image.shortId()
            + " and those manifests are deleted where nothing names them");
      }
    }
    long attestations = removals.stream().mapToLong(removal -> {
      Set<Digest> subjects = new HashSet<>(removal.variants().stream().map(Variant::digest).toList());
      subjects.add(removal.image().id());
      return RegistryBlobs.held(removal.image()).stream().filter(v -> v.kind() == Variant.Kind.ATTESTATION
          && (removal.wholeImage() || subjects.contains(v.attestationFor()))
          && !removal.variants().contains(v)).count();
    }).sum();
    if (attestations > 0) {
      String plural = attestations == 1 ? "" : "s";
      notices.add(attestations + " attestation" + plural + " or referrer" + plural
          + " (signatures, SBOMs) of what goes are deleted with their subjects");
    }
    Set<Digest> freed = new LinkedHashSet<>(before.keySet());
    freed.removeAll(after.keySet());
    long bytes = freed.stream().mapToLong(before::get).sum();
    if (!freed.isEmpty()) {
      notices.add("the registry's garbage collection then frees " + HumanSize.format(bytes) + " (" + freed.size()
          + " blobs no remaining manifest uses" + (wholeRegistry ? ")" : "; repositories outside the prefix may "
          + "still use some)"));
    }
    return notices;
  }

  /** Deletes those of {@code children} that no index the tags of {@code repository} name now ({@code tags}) names. */
  private void deleteUnreferenced(Reference repository, List<Digest> children, Map<String, Digest> tags) {
    Set<Digest> named = new LinkedHashSet<>();
    tags.values().forEach(digest -> {
      named.add(digest);
      Fetched manifest = blobs.manifest(repository, digest);
      if (MediaTypes.isIndex(manifest.mediaType())) {
        named.addAll(blobs.children(manifest));
      }
    });
    children.stream().filter(child -> !named.contains(child)).forEach(child -> {
      deleteManifest(repository, child);
      deleteReferrers(repository, child);
    });
  }

  /**
   * Deletes the referrers of a deleted manifest (signatures, attestations go with their subject): those the
   * referrers API lists, then those of the tag schema: first the index the referrers tag names, so that nothing
   * lists a deleted referrer, then each referrer.
   */
  private void deleteReferrers(Reference repository, Digest subject) {
    referrers.fromApi(repository, subject).forEach(referrer -> deleteManifest(repository, referrer.digest()));
    Reference tag = Reference.parse(repository.name() + ":" + Referrers.tagFor(subject));
    Optional<Digest> index;
    try {
      index = client.digest(tag);
    } catch (RegistryException e) {
      if (e.status() == 404) {
        return;
      }
      throw e;
    }
    if (index.isEmpty()) {
      return;
    }
    List<Digest> tagged = blobs.children(blobs.manifest(repository, index.get()));
    deleteManifest(repository, index.get());
    tagged.forEach(referrer -> deleteManifest(repository, referrer));
  }


  /** Deletes a manifest; one the registry no longer has is gone already. */
  private void deleteManifest(Reference repository, Digest digest) {
    try {
      client.deleteManifest(repository, digest);
    } catch (RegistryException e) {
      if (e.status() != 404) {
        throw new StoreException(e.getMessage(), e);
      }
    }
  }

  /** The repositories that hold the image (one per by-digest name). */
  private static List<Reference> repositories(Image image) {
    return image.digestRefs().stream().map(ref -> Reference.parse(ref.name())).distinct().toList();
  }
}
