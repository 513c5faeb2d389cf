package dev.mimg.shell;

import dev.mimg.query.ImageQuery;
import dev.mimg.query.Mimg;
import dev.mimg.query.RemovalPlan;
import dev.mimg.query.RemovalReport;
import dev.mimg.query.VariantQuery;
import dev.mimg.query.Stores;
import dev.mimg.store.ImageStore;
import groovy.lang.Script;
import java.io.PrintWriter;

/**
 * The base class of every mimg Groovy script and shell line: {@code images()} queries the store the runner was
 * given (the engine found as the CLI finds it, unless a test or {@code -H} chose another), {@code images(store)}
 * any other, {@code store("...")} opens one by Docker host.
 */
public abstract class MimgScript extends Script {

  /** The binding variable that holds the default store. */
  public static final String STORE = "mimgStore";
  /** The binding variable that is true under {@code mimg run --dry-run}. */
  public static final String DRY_RUN = "mimgDryRun";

  /** A query over the runner's store; under {@code mimg run --dry-run} its mutations change nothing. */
  public ImageQuery images() {
    ImageQuery images = Mimg.images((ImageStore) getBinding().getVariable(STORE));
    return isDryRun() ? images.dryRun() : images;
  }

  /** True under {@code mimg run --dry-run}. */
  public boolean isDryRun() {
    return Boolean.TRUE.equals(getBinding().getVariables().get(DRY_RUN));
  }

  /**
   * Runs a policy: prints its plan (every variant or image it removes, and what it keeps and why), then carries
   * out that plan, re-checking each step, and prints what happened; under {@code --dry-run} only the plan and the
   * line that nothing changed.
   */
  public RemovalReport enforce(ImageQuery policy) {
    return enforce(policy, policy.plan());
  }

  /** {@link #enforce(ImageQuery)} for a policy over variants ({@code images()...variants()...}). */
  public RemovalReport enforce(VariantQuery policy) {
    return enforce(policy.images(), policy.plan());
  }

  private RemovalReport enforce(ImageQuery policy, RemovalPlan plan) {
    PrintWriter out = (PrintWriter) getBinding().getVariable("out");
    if (plan.isEmpty() && plan.refusals().isEmpty()) {
      out.println("nothing to remove");
      out.flush();
      return policy.remove(plan);
    }
    out.print(plan.describe());
    RemovalReport report = (isDryRun() ? policy.dryRun() : policy).remove(plan);
    out.print(report.dryRun() ? report.summary() + "\n" : report.describe());
    out.flush();
    return report;
  }

  /** A query over the given store. */
  public ImageQuery images(ImageStore store) {
    return isDryRun() ? Mimg.images(store).dryRun() : Mimg.images(store);
  }

  /**
   * The store a spec names: {@code oci:DIR}, {@code engine}, {@code engine:HOST}, or a bare Docker host URL such
   * as {@code unix:///var/run/docker.sock}.
   */
  public ImageStore store(String spec) {
    ImageStore store = Stores.open(spec.matches("[a-z]+://.*") ? "engine:" + spec : spec, !isDryRun());
    return isDryRun() ? new dev.mimg.store.ReadOnlyStore(store) : store;
  }
}
