package dev.mimg.query;

import dev.mimg.model.Image;
import dev.mimg.model.InvalidInputException;
import dev.mimg.store.ImageStore;
import dev.mimg.store.fleet.FleetStore;
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

  /**
   * What the removal would do, changing nothing: what goes, what stays and why. On a fleet, each store is planned on
   * its own listing, in parallel; the plan is grouped by store and a store that does not answer is a notice.
   */
  public RemovalPlan plan() {
    if (store() instanceof FleetStore fleet) {
      List<RemovalPlan> plans = new ArrayList<>();
      List<RuntimeException> unnamed = new ArrayList<>();
      fleet.ask(member -> planOn(member, unnamed)).forEach((member, plan) -> plans.add(plan.onStore(member.name())));
      if (!unnamed.isEmpty() && unnamed.size() == plans.size()) {
        throw unnamed.get(0);   // no store has what the query names
      }
      fleet.failures().forEach(failure -> plans.add(new RemovalPlan(List.of(), List.of(),
          List.of("store " + failure + "; nothing planned there"))));
      return RemovalPlan.merge(plans);
    }
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

  /**
   * Carries out a plan this removal made: each step re-checked right before it acts; a dry run changes nothing. On a
   * fleet, store by store, each step re-checked on its own store; a store that stops answering stops only there.
   */
  public RemovalReport remove(RemovalPlan plan) {
    boolean force = queries.stream().allMatch(query -> query.steps().force());
    if (store() instanceof FleetStore fleet) {
      List<RemovalReport> reports = new ArrayList<>();
      for (FleetStore.Member member : fleet.members()) {
        RemovalPlan part = plan.ofStore(member.name());
        if (!part.isNothing()) {
          reports.add(Remover.execute(member.store(), part, force));
        }
      }
      return reports.isEmpty() ? Remover.execute(store(), plan, force) : RemovalReport.ofStores(reports);
    }
    return Remover.execute(store(), plan, force);
  }

  /** A fleet member's plan; a member that holds nothing the query names plans nothing (and says so). */
  private RemovalPlan planOn(ImageStore member, List<RuntimeException> unnamed) {
    try {
      return on(member).plan();
    } catch (InvalidInputException e) {
      synchronized (unnamed) {
        unnamed.add(e);
      }
      return new RemovalPlan(List.of(), List.of(), List.of("nothing planned: " + e.getMessage()));
    }
  }

  /** The same removal over another store (a fleet's member). */
  private Removal on(ImageStore member) {
    return new Removal(queries.stream().map(query -> query.on(member)).toList());
  }

  /** True when the queries were made with {@code dryRun()}: carrying out changes nothing. */
  public boolean isDryRun() {
    return store().isReadOnly();
  }

  private ImageStore store() {
    return queries.get(0).store();
  }
}
