package dev.mimg.frontend;

import dev.mimg.query.Removal;
import dev.mimg.query.RemovalPlan;
import dev.mimg.query.RemovalReport;
import java.io.Console;
import java.io.PrintWriter;

/**
 * The one way every front end changes a store: plan, print the plan, confirm or refuse, carry out exactly that
 * plan, report. Used by {@code rm}, {@code prune} and the Groovy policies' {@code enforce}.
 */
public final class Runner {

  /** How a command treats what the plan keeps: a refusal of what the user named, or what a policy spares. */
  public enum Kept {
    /** The user named it ({@code rm}): anything kept means the request failed. */
    FAILS,
    /** A policy spares it ({@code prune}, {@code enforce}): only failures while carrying out fail. */
    SPARED
  }

  /** Whether to ask before carrying out. */
  public enum Confirm {
    /** Carry out without asking. */
    NO,
    /** Ask on the terminal; refuse without one. */
    ON_TERMINAL
  }

  /** The plan and the report as tables, or as one JSON document. */
  public enum Format {
    /** Aligned tables and lines. */
    TABLE,
    /** {@code {"Remove":[...],"Keep":[...],"Report":{...}}}. */
    JSON
  }

  /** The action of a Groovy policy's {@code enforce}: a dry run ends with the report's summary. */
  public static final String POLICY = "enforce";

  private final String action;
  private final PrintWriter out;
  private final PrintWriter err;
  private final Kept kept;
  private final Confirm confirm;
  private final Format format;

  /**
   * A runner for {@code action} ("remove", "prune": the word of its messages; {@link #POLICY} for a policy)
   * printing to {@code out} (plans, reports) and {@code err} (notices, refusals).
   */
  public Runner(String action, PrintWriter out, PrintWriter err, Kept kept, Confirm confirm, Format format) {
    this.action = action;
    this.out = out;
    this.err = err;
    this.kept = kept;
    this.confirm = confirm;
    this.format = format;
  }

  /** Plans, confirms, carries out and reports; returns the exit code. */
  public int run(Removal removal) {
    RemovalPlan plan = removal.plan();
    plan.notices().forEach(notice -> err.println("mimg: notice: " + notice));
    boolean json = format == Format.JSON;
    if (plan.isNothing()) {
      if (json) {
        out.println(plan.toJson());
      } else if (kept == Kept.SPARED) {
        out.println("nothing to " + (action.equals(POLICY) ? "remove" : action));
      }
      return CommandLines.OK;
    }
    if (!json) {
      out.print(plan.describe());
      out.flush();
    }
    if (removal.isDryRun()) {
      out.println(json ? plan.toJson().put("DryRun", true)
          : action.equals(POLICY) ? removal.remove(plan).summary() : "dry run: nothing changed");
      return CommandLines.OK;
    }
    if (plan.isEmpty()) {
      if (json) {
        out.println(plan.toJson());
      }
      if (kept == Kept.FAILS) {
        err.println("mimg: nothing removed: " + plan.refusals().get(0).reason());
        return CommandLines.FAILED;
      }
      return CommandLines.OK;
    }
    if (!confirmed(plan)) {
      return CommandLines.FAILED;
    }
    RemovalReport report = removal.remove(plan);
    out.print(json ? plan.toJson().set("Report", report.toJson()) + "\n" : report.describe());
    out.flush();
    boolean failed = kept == Kept.FAILS ? !report.complete()
        : report.skipped().size() > plan.refusals().size() || !report.notAttempted().isEmpty();
    return failed ? CommandLines.FAILED : CommandLines.OK;
  }

  /** Yes without asking, or a "y" typed on the terminal after seeing the plan; without a terminal, no. */
  private boolean confirmed(RemovalPlan plan) {
    if (confirm == Confirm.NO) {
      return true;
    }
    Console console = System.console();
    if (console == null) {
      err.println("mimg: not " + action.replaceFirst("e$", "") + "ing: no terminal to confirm on; use -f/--force "
          + "(or --dry-run to see the plan)");
      return false;
    }
    String answer = console.readLine("Remove these %d item(s)? [y/N] ", plan.steps().size());
    return answer != null && answer.strip().equalsIgnoreCase("y");
  }
}
