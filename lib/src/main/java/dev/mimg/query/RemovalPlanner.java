package dev.mimg.query;

import dev.mimg.model.Digest;
import dev.mimg.model.Image;
import dev.mimg.model.ImageLookup;
import dev.mimg.model.ImageName;
import dev.mimg.model.ImageVariant;
import dev.mimg.model.InvalidInputException;
import dev.mimg.model.Platform;
import dev.mimg.model.Reference;
import dev.mimg.model.Variant;
import dev.mimg.store.BoundedParallel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Turns a query into a removal plan by mimg's rules: platform matching is strict; a variant or image a container
 * uses is kept unless forced; a variant that names outside the selection also hold is kept unless forced, and
 * those names are given; an image selected through some of its names loses only those names while another name
 * holds it; a keep-set never empties an image and must keep something.
 */
final class RemovalPlanner {

  private final List<Image> images;
  private final Map<String, String> containerNames;
  private final BiFunction<Image, Variant, Set<String>> alsoTakes;
  private final Function<Image, Optional<String>> untagRefusal;
  private final boolean force;
  private Map<ImageVariant, Set<String>> layersOfAll;

  /** How many of the store's variant lookups run at once (the engine answers them in parallel). */
  private static final int LOOKUPS = 8;

  /**
   * A planner over a store's current images and container names; {@code alsoTakes} says what the store deletes
   * along with a variant ({@link dev.mimg.store.ImageStore#removalAlsoTakes}), {@code untagRefusal} why it cannot
   * remove some names of an image alone ({@link dev.mimg.store.ImageStore#untagRefusal}); {@code force} lifts the
   * keeping rules.
   */
  RemovalPlanner(List<Image> images, Map<String, String> containerNames,
      BiFunction<Image, Variant, Set<String>> alsoTakes, Function<Image, Optional<String>> untagRefusal,
      boolean force) {
    this.images = images;
    this.containerNames = containerNames;
    this.alsoTakes = alsoTakes;
    this.untagRefusal = untagRefusal;
    this.force = force;
  }

  /** The plan for what {@code query} selects in this planner's listing. */
  RemovalPlan plan(ImageQuery query) {
    QuerySteps steps = query.steps();
    List<String> notices = new ArrayList<>();
    List<Selected> selected;
    if (steps.named() != null) {
      selected = named(steps, query.shownVariants(), notices);
    } else {
      requireSomethingKept(steps.keep());
      BiPredicate<Image, Variant> variants = query.shownVariants();
      selected = query.select(images).map(image -> new Selected(image, steps.selectedNames(),
          steps.selectsVariants() ? image.present().stream().filter(v -> variants.test(image, v)).toList() : null))
          .toList();
    }
    List<RemovalPlan.Step> planned = new ArrayList<>();
    List<RemovalPlan.Refusal> refusals = new ArrayList<>();
    List<Selected> withVariants = new ArrayList<>();
    for (Selected s : selected) {
      if (s.variants() == null) {
        wholeImage(s, planned, refusals);
      } else if (!steps.keep().isEmpty() && s.image().present().stream().noneMatch(v -> kept(v, steps.keep()))) {
        refusals.add(RemovalPlan.Refusal.of(s.image(), "holds none of the platforms to keep ("
            + join(steps.keep()) + "): a keep-set never empties an image (prune --all removes whole images)"));
      } else {
        withVariants.add(s);
      }
    }
    variants(withVariants, planned, refusals);
    return new RemovalPlan(planned, refusals, notices);
  }

  /** An image the query selected, under the names it selected, and the variants to remove (null: the image). */
  private record Selected(Image image, Predicate<ImageName> names, List<Variant> variants) {

    /** The selected names as plans print them (a dangling image by its short id). */
    List<String> selectedNames() {
      return image.isDangling() ? List.of(image.shortId())
          : image.names().stream().filter(names).map(ImageName::toString).toList();
    }

    List<String> otherNames() {
      return image.names().stream().filter(names.negate()).map(ImageName::toString).toList();
    }
  }

  /** {@code named(NAME)}: the image (or variant) a name names, under that name; its platforms must be present. */
  private List<Selected> named(QuerySteps steps, BiPredicate<Image, Variant> shown, List<String> notices) {
    ImageLookup.Found found = ImageLookup.find(images, steps.named());
    Image image = found.image();
    if (found.variant() != null) {
      Variant variant = found.variant();
      if (!variant.isPresent()) {
        throw new InvalidInputException("variant " + variant.shortId() + " (" + variant.platform()
            + ") is not present");
      }
      String first = image.name();
      return List.of(new Selected(image, name -> name.toString().equals(first), List.of(variant)));
    }
    Predicate<ImageName> names = namedBy(image, steps.named());
    if (!steps.selectsVariants()) {
      return List.of(new Selected(image, names, null));
    }
    String called = image.names().stream().filter(names).map(ImageName::toString).findFirst().orElse(image.name());
    if (steps.platforms().isEmpty()) {
      return List.of(new Selected(image, names, image.present().stream().filter(v -> shown.test(image, v)).toList()));
    }
    List<Variant> variants = new ArrayList<>();
    for (Platform platform : steps.platforms()) {
      List<Variant> matching = image.present().stream().filter(v -> v.platform().matches(platform)).toList();
      if (matching.isEmpty()) {
        InvalidInputException notPresent = ImageLookup.notPresent(platform, called, image);
        if (!force) {
          throw notPresent;
        }
        notices.add(notPresent.getMessage() + "; nothing to remove");
      }
      matching.stream().filter(v -> shown.test(image, v)).filter(v -> !variants.contains(v)).forEach(variants::add);
    }
    return List.of(new Selected(image, names, variants));
  }

  /** The names of {@code image} that {@code typed} names: that reference, or every name for an id. */
  private static Predicate<ImageName> namedBy(Image image, String typed) {
    if (image.names().stream().anyMatch(n -> n.written().equals(typed) && n.reference() == null)) {
      return n -> n.written().equals(typed);
    }
    try {
      Reference reference = Reference.parse(typed);
      if (image.names().stream().anyMatch(n -> reference.equals(n.reference()))) {
        return n -> reference.equals(n.reference());
      }
    } catch (InvalidInputException anId) {
      // an id: every name
    }
    return n -> true;
  }

  /** A whole image: removed when no other name holds it (or forced), else only the selected names go. */
  private void wholeImage(Selected s, List<RemovalPlan.Step> planned, List<RemovalPlan.Refusal> refusals) {
    Image image = s.image();
    List<String> others = s.otherNames();
    if (!others.isEmpty() && !force) {
      Optional<String> refused = untagRefusal.apply(image);
      if (refused.isPresent()) {
        refusals.add(RemovalPlan.Refusal.of(image, refused.get() + "; it would also untag " + String.join(", ",
            others)));
        return;
      }
      image.names().stream().filter(s.names()).forEach(name -> planned.add(RemovalPlan.Step.removeName(image, name,
          others)));
      return;
    }
    if (!image.containers().isEmpty() && !force) {
      refusals.add(RemovalPlan.Refusal.of(image, inUse(image.containers())));
    } else {
      planned.add(RemovalPlan.Step.removeImage(image));
    }
  }

  /**
   * The selected variants, one step per digest: kept when a container uses it or a name outside the selection
   * (another image, or an unselected name of this one) would lose it, unless forced.
   */
  private void variants(List<Selected> selected, List<RemovalPlan.Step> planned, List<RemovalPlan.Refusal> refusals) {
    Map<Digest, List<Selected>> byDigest = new LinkedHashMap<>();
    for (Selected s : selected) {
      s.variants().forEach(v -> byDigest.computeIfAbsent(v.digest(), d -> new ArrayList<>()).add(s));
    }
    byDigest.forEach((digest, choosers) -> {
      Selected first = choosers.get(0);
      Variant variant = first.variants().stream().filter(v -> v.digest().equals(digest)).findFirst().orElseThrow();
      String name = first.selectedNames().get(0);
      Set<String> chosenNames = new LinkedHashSet<>();
      choosers.forEach(c -> chosenNames.addAll(c.selectedNames()));
      List<String> outside = holders(variant).stream().filter(n -> !chosenNames.contains(n)).toList();
      List<String> containers = images.stream().flatMap(i -> i.present().stream())
          .filter(v -> v.digest().equals(digest)).flatMap(v -> v.containers().stream()).distinct().toList();
      List<String> sharing = force ? List.of() : sharesLayers(first.image(), variant, byDigest.keySet());
      if (!containers.isEmpty() && !force) {
        refusals.add(RemovalPlan.Refusal.of(name, variant, inUse(containers)));
      } else if (!outside.isEmpty() && !force) {
        refusals.add(RemovalPlan.Refusal.of(name, variant, "also in " + String.join(", ", outside)
            + " (--force removes it from all of them)"));
      } else if (!sharing.isEmpty()) {
        refusals.add(RemovalPlan.Refusal.of(name, variant, "shares layers with " + String.join(", ", sharing)
            + ", which the store would delete from them too (--force removes it anyway)"));
      } else {
        List<String> also = new ArrayList<>(chosenNames);
        also.remove(name);
        also.addAll(outside);
        planned.add(RemovalPlan.Step.removeVariant(first.image(), name, variant, also));
      }
    });
  }

  /**
   * The other present variants (not among {@code removed}) that use content the store deletes with this one, as
   * {@code NAME PLATFORM}: the engine deletes a variant's layers even where other variants use them.
   */
  private List<String> sharesLayers(Image image, Variant variant, Set<Digest> removed) {
    Set<String> taken = alsoTakes.apply(image, variant);
    if (taken.isEmpty()) {
      return List.of();
    }
    Set<String> sharing = new LinkedHashSet<>();
    layersOfAll().forEach((pair, layers) -> {
      if (!removed.contains(pair.variant().digest()) && layers.stream().anyMatch(taken::contains)) {
        sharing.add(pair.image().name() + " " + pair.variant().platform());
      }
    });
    return List.copyOf(sharing);
  }

  /** What the store would take with each present variant, looked up once, {@value #LOOKUPS} at a time. */
  private Map<ImageVariant, Set<String>> layersOfAll() {
    if (layersOfAll == null) {
      List<ImageVariant> all = images.stream()
          .flatMap(image -> image.present().stream().map(v -> new ImageVariant(image, v))).toList();
      Map<ImageVariant, Set<String>> layers = new LinkedHashMap<>();
      BoundedParallel.run(all, LOOKUPS, pair -> alsoTakes.apply(pair.image(), pair.variant()))
          .forEach((pair, future) -> layers.put(pair, BoundedParallel.join(future)));
      layersOfAll = layers;
    }
    return layersOfAll;
  }

  /** The names of every image that holds this variant present (dangling ones by short id). */
  private List<String> holders(Variant variant) {
    return images.stream().filter(image -> image.present().stream().anyMatch(v -> v.digest().equals(variant.digest())))
        .flatMap(image -> image.isDangling() ? java.util.stream.Stream.of(image.shortId())
            : image.names().stream().map(ImageName::toString))
        .distinct().toList();
  }

  /** A keep-set no present variant matches would keep nothing: refused. */
  private void requireSomethingKept(List<Platform> keep) {
    if (!keep.isEmpty() && images.stream().flatMap(i -> i.present().stream()).noneMatch(v -> kept(v, keep))) {
      throw new InvalidInputException("no image holds a platform of the keep-set (" + join(keep)
          + "): it would keep nothing; nothing changed");
    }
  }

  private static boolean kept(Variant variant, List<Platform> keep) {
    return keep.stream().anyMatch(k -> variant.platform().matches(k));
  }

  private String inUse(List<String> ids) {
    return "in use by container" + (ids.size() > 1 ? "s " : " ")
        + ids.stream().map(id -> containerNames.getOrDefault(id, id.substring(0, Math.min(12, id.length()))))
            .collect(Collectors.joining(", "))
        + " (--force removes it anyway)";
  }

  private static String join(List<Platform> platforms) {
    return platforms.stream().map(Platform::toString).collect(Collectors.joining(", "));
  }
}
