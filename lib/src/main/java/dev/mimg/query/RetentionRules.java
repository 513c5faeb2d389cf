package dev.mimg.query;

import dev.mimg.model.Image;
import dev.mimg.model.Reference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Registry-style retention rules (as Harbor, ECR and GitLab phrase them) that need the whole listing to decide. */
final class RetentionRules {

  private RetentionRules() {
  }

  /**
   * Tagged images none of whose tags is among the {@code n} newest of its repository (by creation time; among
   * equal times the later tag name counts as newer, so {@code v10} is kept before {@code v09}).
   */
  static Predicate<Image> beyondLast(List<Image> images, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("keep the last " + n + " tags: the count must be 0 or more");
    }
    record Tagged(Reference tag, Image image) {
    }
    List<Tagged> tagged = new ArrayList<>();
    images.forEach(image -> image.tags().forEach(tag -> tagged.add(new Tagged(tag, image))));
    Map<String, List<Tagged>> byRepository = tagged.stream().collect(Collectors.groupingBy(t -> t.tag().name()));
    Set<Reference> kept = new HashSet<>();
    byRepository.values().forEach(list -> list.stream()
        .sorted(Comparator.comparing((Tagged t) -> t.image().created())
            .thenComparing(t -> t.tag().tag().orElse("")).reversed())
        .limit(n).forEach(t -> kept.add(t.tag())));
    return image -> !image.tags().isEmpty() && image.tags().stream().noneMatch(kept::contains);
  }
}
