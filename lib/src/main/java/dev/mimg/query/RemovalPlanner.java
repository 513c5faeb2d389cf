package dev.mimg.query;

import dev.mimg.model.Image;
import dev.mimg.model.ImageLookup;
import dev.mimg.model.InvalidInputException;
import dev.mimg.model.Platform;
import dev.mimg.model.Reference;
import dev.mimg.model.Variant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds removal plans by mimg's rules: platform matching is strict; a variant in use by a container is kept
 * unless forced; a variant other images also reference is kept unless forced, and those images are named.
 */
public final class RemovalPlanner {

  private final List<Image> images;
  private final Map<String, String> containerNames;
  private final boolean force;

  /** A planner over a store's current images and container names; {@code force} lifts the in-use and sharing rules. */
  public RemovalPlanner(List<Image> images, Map<String, String> containerNames, boolean force) {
    this.images = images;
    this.containerNames = containerNames;
    this.force = force;
  }

  /**
   * Removes {@code platforms} from the image called {@code name}. A platform that is not present is an error
   * naming the present ones, or with force a notice.
   */
  public RemovalPlan platforms(String name, List<Platform> platforms) {
    Image image = ImageLookup.find(images, name).image();
    String called = canonical(image, name);
    List<RemovalPlan.Step> steps = new ArrayList<>();
    List<RemovalPlan.Refusal> refusals = new ArrayList<>();
    List<String> notices = new ArrayList<>();
    for (Platform platform : platforms) {
      List<Variant> matching = image.present().stream().filter(v -> v.platform().matches(platform)).toList();
      if (matching.isEmpty()) {
        InvalidInputException notPresent = ImageLookup.notPresent(platform, called, image);
        if (!force) {
          throw notPresent;
        }
        notices.add(notPresent.getMessage() + "; nothing to remove");
      }
      matching.forEach(variant -> plan(image, called, List.of(called), variant, steps, refusals));
    }
    return new RemovalPlan(steps, refusals, notices);
  }

  /** Removes the variant with this id (prefix) from every image that references it. */
  public RemovalPlan variant(String id) {
    ImageLookup.Found found = ImageLookup.find(images, id);
    if (found.variant() == null) {
      throw new InvalidInputException(id + " is an image, not a variant: name the platforms to remove with --platform");
    }
    Variant variant = found.variant();
    if (!variant.isPresent()) {
      throw new InvalidInputException("variant " + variant.shortId() + " (" + variant.platform() + ") is not present");
    }
    List<RemovalPlan.Step> steps = new ArrayList<>();
    List<RemovalPlan.Refusal> refusals = new ArrayList<>();
    String name = names(found.image()).get(0);
    plan(found.image(), name, List.of(name), variant, steps, refusals);
    return new RemovalPlan(steps, refusals, List.of());
  }

  /**
   * The DSL's plan for one selected image: the present variants {@code which} accepts, or, when
   * {@code wholeImage}, the image itself (kept when a container uses it).
   */
  public RemovalPlan image(Image image, boolean wholeImage, java.util.function.Predicate<Variant> which) {
    String name = names(image).get(0);
    List<RemovalPlan.Step> steps = new ArrayList<>();
    List<RemovalPlan.Refusal> refusals = new ArrayList<>();
    if (wholeImage) {
      if (!image.containers().isEmpty() && !force) {
        refusals.add(new RemovalPlan.Refusal(name, "all", image.shortId(), image.diskUsage(),
            "in use by container" + (image.containers().size() > 1 ? "s " : " ") + containers(image.containers())
                + " (--force removes it anyway)"));
      } else {
        steps.add(new RemovalPlan.Step(image, name, null, List.of()));
      }
    } else {
      image.present().stream().filter(which)
          .forEach(variant -> plan(image, name, names(image), variant, steps, refusals));
    }
    return new RemovalPlan(steps, refusals, List.of());
  }

  /** Plans one variant of the image called {@code name}; {@code selected} are the names the user chose. */
  private void plan(Image image, String name, List<String> selected, Variant variant, List<RemovalPlan.Step> steps,
      List<RemovalPlan.Refusal> refusals) {
    List<String> shared = sharedWith(selected, variant);
    if (variant.inUse() && !force) {
      refusals.add(RemovalPlan.Refusal.of(name, variant, "in use by container"
          + (variant.containers().size() > 1 ? "s " : " ") + containers(variant.containers())
          + " (--force removes it anyway)"));
    } else if (!shared.isEmpty() && !force) {
      refusals.add(RemovalPlan.Refusal.of(name, variant, "also in " + String.join(", ", shared)
          + " (--force removes it from all of them)"));
    } else {
      steps.add(new RemovalPlan.Step(image, name, variant, shared));
    }
  }

  /** Every name, other than those selected, under which a present variant with this digest is listed. */
  private List<String> sharedWith(List<String> selected, Variant variant) {
    return holders(images, variant).stream().filter(other -> !selected.contains(other)).toList();
  }

  /** The names of every image that holds this variant present (the images that would lose it). */
  static List<String> holders(List<Image> images, Variant variant) {
    return images.stream()
        .filter(image -> image.present().stream().anyMatch(v -> v.digest().equals(variant.digest())))
        .flatMap(image -> names(image).stream()).distinct().toList();
  }

  private String containers(List<String> ids) {
    return ids.stream().map(id -> containerNames.getOrDefault(id, id.substring(0, Math.min(12, id.length()))))
        .collect(Collectors.joining(", "));
  }

  /** The names a plan uses for an image: its tags, else its digest references, else its short id. */
  static List<String> names(Image image) {
    if (!image.tags().isEmpty()) {
      return image.tags().stream().map(Reference::familiarString).toList();
    }
    if (!image.digestRefs().isEmpty()) {
      return image.digestRefs().stream().map(Reference::familiarString).toList();
    }
    return List.of(image.shortId());
  }

  /** The plan's name for what the user called {@code name}: that tag if it is one, else the image's first name. */
  private static String canonical(Image image, String name) {
    try {
      Reference reference = Reference.parse(name);
      if (image.tags().contains(reference) || image.digestRefs().contains(reference)) {
        return reference.familiarString();
      }
    } catch (InvalidInputException notAReference) {
      // an id: fall through to the image's own name
    }
    return names(image).get(0);
  }
}
