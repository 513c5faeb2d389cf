package dev.mimg.shell;

import dev.mimg.frontend.Runner;
import dev.mimg.query.ImageQuery;
import dev.mimg.query.Mimg;
import dev.mimg.query.Removable;
import dev.mimg.query.Removal;
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
  /** The binding variable of the error stream (notices, refusals). */
  public static final String ERR = "mimgErr";
  /** The binding variable set to a non-zero exit code when a policy failed while carried out. */
  public static final String EXIT = "mimgExit";

  /** A query over the runner's store; under {@code mimg run --dry-run} its mutations change nothing. */
  public ImageQuery images() {
    return Mimg.images(defaultStore());
  }

  /** True under {@code mimg run --dry-run}: the runner's store is read-only, and so is every store a script opens. */
  public boolean isDryRun() {
    return defaultStore().isReadOnly();
  }

  private ImageStore defaultStore() {
    return (ImageStore) getBinding().getVariable(STORE);
  }

  /**
   * Runs a policy: prints its plan (every variant, image or name it removes, and what it keeps and why), then
   * carries out that plan, re-checking each step, and prints what happened; under {@code --dry-run} only the plan
   * and what it would do. The runner is the CLI's own ({@code rm}, {@code prune}).
   */
  public void enforce(Removable policy) {
    enforce(policy.removal());
  }

  /**
   * {@link #enforce(Removable)} for removals combined with {@code and}. A policy whose steps fail while carried
   * out makes {@code mimg run} exit 1 (the script goes on).
   */
  public void enforce(Removal removal) {
    PrintWriter out = (PrintWriter) getBinding().getVariable("out");
    PrintWriter err = (PrintWriter) getBinding().getVariable(ERR);
    int code = new Runner(Runner.POLICY, out, err, Runner.Kept.SPARED, Runner.Confirm.NO, Runner.Format.TABLE)
        .run(removal);
    out.flush();
    err.flush();
    if (code != 0) {
      getBinding().setVariable(EXIT, code);
    }
  }

  /** A query over the given store. */
  public ImageQuery images(ImageStore store) {
    return isDryRun() ? Mimg.images(store).dryRun() : Mimg.images(store);
  }

  /** A query over a fleet of these stores ({@link Mimg#images(ImageStore, ImageStore...)}), dry as the run is. */
  public ImageQuery images(ImageStore first, ImageStore... more) {
    ImageQuery query = Mimg.images(first, more);
    return isDryRun() ? query.dryRun() : query;
  }

  /** The fleet these specs name, each store named by its spec ({@link Mimg#fleet(String...)}). */
  public ImageStore fleet(String... specs) {
    ImageStore fleet = Mimg.fleet(specs);
    return isDryRun() ? Stores.readOnly(fleet) : fleet;
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
