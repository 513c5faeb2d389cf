package dev.mimg.query;

import dev.mimg.model.Descriptor;
import dev.mimg.model.Digest;
import dev.mimg.model.ImageIndex;
import dev.mimg.model.IndexRewrite;
import dev.mimg.model.ImageManifest;
import dev.mimg.model.InvalidInputException;
import dev.mimg.model.MediaTypes;
import dev.mimg.model.OciDocuments;
import dev.mimg.model.Platform;
import dev.mimg.model.PlatformMatcher;
import dev.mimg.store.BoundedParallel;
import dev.mimg.store.FailFastTasks;
import dev.mimg.store.PullEvent;
import dev.mimg.store.StoreException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Copies one image from a source to a target: plans first (which children, where each comes from, which blobs the
 * target lacks), refusing bad input before anything changes, then writes bottom-up: blobs, child manifests, the
 * top manifest or index last under the name. An index keeps its bytes (and digest): into a layout the children the
 * source holds (shallow stays shallow); into a registry every child, those the source lacks read from the registry
 * the image came from ({@code origin}), else refused with the missing platforms named.
 */
final class Copier {

  /**
   * Which children of an index a copy takes: by default the source's (into a registry: all), some platforms, all
   * (those the source lacks from the image's registry), or only those the source holds (into a registry: a new
   * index of them where it lacks some).
   */
  enum Scope { DEFAULT, PLATFORMS, ALL, PRESENT }

  /** A manifest to copy and the source its blobs come from. */
  private record Unit(CopySource.ManifestBytes manifest, ImageManifest parsed, CopySource from, String label) {
  }

  /** A blob to copy and the source it comes from. */
  private record Piece(Descriptor blob, CopySource from) {
  }

  /** How many blobs are copied at once. */
  static final int PARALLEL = 4;

  private final CopySource source;
  private final Supplier<Optional<CopySource>> origin;
  private final CopyTarget target;
  private final boolean intoRegistry;
  private final Consumer<PullEvent> progress;

  Copier(CopySource source, Supplier<Optional<CopySource>> origin, CopyTarget target, boolean intoRegistry) {
    this(source, origin, target, intoRegistry, event -> { });
  }

  /** A copier that tells {@code progress} the bytes of blobs copied so far, from the copying threads. */
  Copier(CopySource source, Supplier<Optional<CopySource>> origin, CopyTarget target, boolean intoRegistry,
      Consumer<PullEvent> progress) {
    this.progress = progress;
    this.source = source;
    this.origin = origin;
    this.target = target;
    this.intoRegistry = intoRegistry;
  }

  /** Copies (under {@code dryRun}: reports what would move, changing nothing) the image {@code name} names. */
  CopyReport copy(String name, Scope scope, List<Platform> platforms, boolean dryRun) {
    CopySource.ManifestBytes top = source.top();
    Digest newIndexOf = null;
    List<Unit> units = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    if (MediaTypes.isIndex(top.mediaType())) {
      ImageIndex index = parseIndex(top);
      List<Descriptor> chosen = choose(index, name, scope, platforms);
      List<String> missing = new ArrayList<>();
      List<String> reasons = new ArrayList<>();
      // a layout keeps a shallow image shallow; --only-present takes what the source holds
      boolean useOrigin = scope != Scope.PRESENT && (intoRegistry || scope != Scope.DEFAULT);
      Map<Digest, Optional<Unit>> resolved = resolve(chosen, useOrigin, reasons);
      for (Descriptor child : chosen) {
        Optional<Unit> unit = resolved.get(child.digest());
        if (unit.isPresent()) {
          units.add(unit.get());
        } else if (scope != Scope.PRESENT && (intoRegistry || scope != Scope.DEFAULT && !child.isAttestation())) {
          missing.add(label(child));
        }
      }
      if (!missing.isEmpty()) {
        throw new InvalidInputException("cannot copy " + name + " to " + target.describe() + ": "
            + source.describe() + " lacks " + String.join(", ", missing) + " (a shallow image) and "
            + (reasons.isEmpty() ? "no registry it came from is known" : "the registry it came from could not give "
            + "them (" + reasons.get(0) + ")") + (intoRegistry ? "; --only-present copies the platforms at hand as "
            + "a new index (a new digest), or copy into a layout" : ""));
      }
      if (units.isEmpty()) {
        throw new InvalidInputException("cannot copy " + name + ": " + source.describe() + " holds none of its "
            + "platforms");
      }
      units.forEach(unit -> labels.add(unit.label()));
      if (intoRegistry && scope == Scope.PLATFORMS && units.size() == 1) {
        top = units.get(0).manifest(); // one platform into a registry: its manifest under the name
      } else if (intoRegistry && units.size() < index.manifests().size()) {
        newIndexOf = top.digest();
        top = subset(top, units);
      }
    } else if (MediaTypes.isManifest(top.mediaType())) {
      if (scope == Scope.PLATFORMS) {
        throw new InvalidInputException("cannot copy " + name + " with --platform: it is a single-platform image "
            + "(copy it without --platform)");
      }
      units.add(new Unit(top, parseManifest(top), source, ""));
    } else {
      throw new InvalidInputException("cannot copy " + name + ": unsupported media type " + top.mediaType());
    }
    return carryOut(name, top, units, labels, dryRun, newIndexOf);
  }

  /** A new index of the units copied: the source's index without its other children (a registry needs them all). */
  private static CopySource.ManifestBytes subset(CopySource.ManifestBytes index, List<Unit> units) {
    Set<Digest> kept = new HashSet<>(units.stream().map(unit -> unit.manifest().digest()).toList());
    Set<Digest> others = new LinkedHashSet<>(parseIndex(index).manifests().stream().map(Descriptor::digest)
        .filter(digest -> !kept.contains(digest)).toList());
    IndexRewrite rewrite = IndexRewrite.without(index.bytes(), others);
    return new CopySource.ManifestBytes(rewrite.bytes(), index.mediaType(), rewrite.digest());
  }

  private CopyReport carryOut(String name, CopySource.ManifestBytes top, List<Unit> units, List<String> labels,
      boolean dryRun, Digest newIndexOf) {
    Map<Digest, Piece> pieces = new LinkedHashMap<>();
    for (Unit unit : units) {
      for (Descriptor blob : blobsOf(unit.parsed())) {
        pieces.putIfAbsent(blob.digest(), new Piece(blob, unit.from()));
      }
    }
    List<Piece> toCopy = new ArrayList<>();
    long bytes = 0;
    long presentBytes = 0;
    List<Piece> all = List.copyOf(pieces.values());
    List<CompletableFuture<Boolean>> there = BoundedParallel.each(all, PARALLEL,
        piece -> target.hasBlob(piece.blob().digest()));
    for (int i = 0; i < all.size(); i++) {
      Piece piece = all.get(i);
      if (BoundedParallel.join(there.get(i))) {
        presentBytes += piece.blob().size();
      } else {
        toCopy.add(piece);
        bytes += piece.blob().size();
      }
    }
    List<String> fromOrigin = units.stream().filter(unit -> unit.from() != source).map(Unit::label).toList();
    int mounted = 0;
    if (!dryRun) {
      mounted = copyBlobs(toCopy);
      List<Digest> content = new ArrayList<>(pieces.keySet());
      List<Unit> children = units.stream().filter(unit -> !unit.manifest().digest().equals(top.digest())).toList();
      BoundedParallel.each(children, PARALLEL, unit -> {
        target.putManifest(unit.manifest());
        return unit;
      }).forEach(BoundedParallel::join);
      children.forEach(unit -> content.add(unit.manifest().digest()));
      content.add(top.digest());
      target.putTop(top, content);
    }
    int manifests = (int) units.stream().filter(unit -> !unit.manifest().digest().equals(top.digest())).count() + 1;
    return new CopyReport(name + " (" + source.describe() + ")", target.describe(), top.digest(),
        labels.stream().filter(label -> !label.isEmpty()).toList(), toCopy.size(), bytes, mounted,
        pieces.size() - toCopy.size(), presentBytes, manifests, fromOrigin, newIndexOf, dryRun);
  }

  /** Copies the blobs, {@value #PARALLEL} at a time; the first failure cancels the rest. Returns how many mounted. */
  private int copyBlobs(List<Piece> toCopy) {
    long total = toCopy.stream().mapToLong(piece -> piece.blob().size()).sum();
    AtomicLong done = new AtomicLong();
    AtomicInteger count = new AtomicInteger();
    AtomicInteger mounted = new AtomicInteger();
    try (FailFastTasks copies = new FailFastTasks(PARALLEL, "mimg-copy", "the copy was interrupted; nothing was "
        + "named")) {
      for (Piece piece : toCopy) {
        copies.run(() -> {
          if (target.putBlob(piece.blob(), piece.from())) {
            mounted.incrementAndGet();
          }
          progress.accept(new PullEvent("blobs", count.incrementAndGet() + "/" + toCopy.size(),
              done.addAndGet(piece.blob().size()), Math.max(1, total)));
        });
      }
      copies.awaitAll();
    }
    return mounted.get();
  }

  /** The children a copy takes (see the class doc); a platform the index does not list is refused. */
  private List<Descriptor> choose(ImageIndex index, String name, Scope scope, List<Platform> platforms) {
    List<Descriptor> children = index.manifests();
    if (scope != Scope.PLATFORMS) {
      return children;
    }
    Set<Descriptor> chosen = new LinkedHashSet<>();
    for (Platform platform : platforms) {
      PlatformMatcher matcher = PlatformMatcher.strict(platform);
      List<Descriptor> matching = children.stream().filter(child -> !child.isAttestation()
          && child.declaredPlatform().map(matcher::matches).orElse(false)).toList();
      if (matching.isEmpty()) {
        throw new InvalidInputException("platform " + platform + " is not in the index of " + name + " (listed: "
            + String.join(", ", children.stream().filter(child -> !child.isAttestation()).map(Copier::label)
                .toList()) + ")");
      }
      chosen.addAll(matching);
    }
    if (intoRegistry && chosen.size() == 1) {
      return List.copyOf(chosen); // its manifest goes under the name
    }
    Set<Digest> digests = new LinkedHashSet<>(chosen.stream().map(Descriptor::digest).toList());
    for (Descriptor child : children) { // their attestations ride along where the source holds them
      String subject = child.annotations().get(Descriptor.REFERENCE_DIGEST_ANNOTATION);
      if (child.isAttestation() && subject != null && digests.contains(Digest.parse(subject))) {
        chosen.add(child);
      }
    }
    return List.copyOf(chosen);
  }

  /**
   * Each child from the source when it holds it whole, else (with {@code useOrigin}) from the registry the image came
   * from; empty where neither can (the registry's first failure goes into {@code reasons}). The manifests are read
   * {@value #PARALLEL} at a time.
   */
  private Map<Digest, Optional<Unit>> resolve(List<Descriptor> children, boolean useOrigin, List<String> reasons) {
    List<Optional<Unit>> held = BoundedParallel.each(children, PARALLEL, this::held).stream()
        .map(BoundedParallel::join).toList();
    Map<Digest, Optional<Unit>> units = new LinkedHashMap<>();
    for (int i = 0; i < children.size(); i++) {
      units.put(children.get(i).digest(), held.get(i));
    }
    List<Descriptor> lacking = children.stream().filter(child -> units.get(child.digest()).isEmpty()).toList();
    if (!useOrigin || lacking.isEmpty()) {
      return units;
    }
    Optional<CopySource> registry;
    try {
      registry = origin.get();
    } catch (RuntimeException e) {
      reasons.add(oneLine(e));
      return units;
    }
    if (registry.isEmpty()) {
      return units;
    }
    List<CompletableFuture<Optional<Unit>>> fetched = BoundedParallel.each(lacking, PARALLEL,
        child -> registry.get().manifest(child).map(bytes -> new Unit(bytes, parseManifest(bytes), registry.get(),
            label(child))));
    for (int i = 0; i < lacking.size(); i++) {
      try {
        units.put(lacking.get(i).digest(), BoundedParallel.join(fetched.get(i)));
      } catch (RuntimeException e) {
        if (reasons.isEmpty()) {
          reasons.add(oneLine(e));
        }
      }
    }
    return units;
  }

  /** The child from the source when it holds its manifest and every blob. */
  private Optional<Unit> held(Descriptor child) {
    return source.manifest(child).map(bytes -> new Unit(bytes, parseManifest(bytes), source, label(child)))
        .filter(unit -> blobsOf(unit.parsed()).stream().allMatch(b -> source.hasBlob(b.digest())));
  }

  private static String oneLine(RuntimeException e) {
    return String.valueOf(e.getMessage()).replaceAll("\\s+", " ");
  }

  private static String label(Descriptor child) {
    if (child.isAttestation()) {
      return "attestation " + child.digest().shortId();
    }
    return child.declaredPlatform().map(Platform::toString).orElse(child.digest().shortId());
  }

  private static List<Descriptor> blobsOf(ImageManifest manifest) {
    List<Descriptor> blobs = new ArrayList<>(manifest.layers());
    if (manifest.config() != null) {
      blobs.add(manifest.config());
    }
    return blobs;
  }

  private static ImageIndex parseIndex(CopySource.ManifestBytes bytes) {
    try {
      return OciDocuments.index(bytes.bytes(), "index " + bytes.digest());
    } catch (IllegalArgumentException e) {
      throw new StoreException("unreadable " + e.getMessage(), e);
    }
  }

  private static ImageManifest parseManifest(CopySource.ManifestBytes bytes) {
    try {
      return OciDocuments.manifest(bytes.bytes(), "manifest " + bytes.digest());
    } catch (IllegalArgumentException e) {
      throw new StoreException("unreadable " + e.getMessage(), e);
    }
  }
}
