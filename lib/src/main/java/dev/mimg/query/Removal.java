package dev.mimg.query;

import dev.mimg.model.Image;
import dev.mimg.store.ImageStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one or more queries would remove, to plan first and carry out later: {@link #plan()} changes nothing,
 * {@link #remove(RemovalPlan)} carries out exactly that plan, re-checking each step right before it acts. Queries
 * on one store combine with {@link #and}, planned from one listing (a prune removes whole images and platforms).
 */
public final class Removal {

  private final List<ImageQuery> queries;

  Removal(ImageQuery query) {
    this(List.of(query));
  }

  private Removal(List<ImageQuery> queries) {
    this.queries = List.copyOf(queries);
  }

  /** This removal and {@code other}'s, planned together; both must be over the same store. */
  public Removal and(Removal other) {
    if (other.store() != store()) {
      throw new IllegalArgumentException("removals combine only over the same store");
    }
    List<ImageQuery> all = new ArrayList<>(queries);
    all.addAll(other.queries);
    return new Removal(all);
  }

  /** What the removal would do, changing nothing: what goes, what stays and why. */
  public RemovalPlan plan() {
    ImageStore store = store();
    store.repair();
    List<Image> images = store.images();
    Map<String, String> containers = store.containerNames();
    List<RemovalPlan> plans = new ArrayList<>(List.of(new RemovalPlan(List.of(), List.of(), store.notices())));
    queries.forEach(query -> plans.add(new RemovalPlanner(images, containers, store::removalAlsoTakes,
        store::untagRefusal, query.steps().force()).plan(query)));
    RemovalPlan merged = RemovalPlan.merge(plans);
    List<String> storeNotices = store.planNotices(images, merged.removals());
    return storeNotices.isEmpty() ? merged : RemovalPlan.merge(List.of(merged, new RemovalPlan(List.of(), List.of(),
        storeNotices)));
  }

  /** Plans and carries out the removal; under a dry run nothing changes. */
  public RemovalReport remove() {
    return remove(plan());
  }

  /** Carries out a plan this removal made: each step re-checked right before it acts; a dry run changes nothing. */
  public RemovalReport remove(RemovalPlan plan) {
    return Remover.execute(store(), plan, queries.stream().allMatch(query -> query.steps().force()));
  }

  /** True when the queries were made with {@code dryRun()}: carrying out changes nothing. */
  public boolean isDryRun() {
    return store().isReadOnly();
  }

  private ImageStore store() {
    return queries.get(0).store();
  }
}
