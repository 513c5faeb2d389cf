package dev.mimg.query;

/** What a query can remove: its {@link Removal}, and the shortcuts every query shares to plan and carry it out. */
public interface Removable {

  /** The removal this query describes, to plan first and carry out later (and to combine with others). */
  Removal removal();

  /** What {@link #remove()} would do, changing nothing: what goes, what stays and why. */
  default RemovalPlan plan() {
    return removal().plan();
  }

  /**
   * Plans and removes: what a container uses and what other images share are kept, with the reason, unless the
   * query is forced; each step is re-checked right before it acts. Under a dry run nothing changes and the report
   * says what would have been removed.
   */
  default RemovalReport remove() {
    return removal().remove();
  }

  /** Carries out a plan this query made (e.g. one printed first): each step is re-checked right before it acts. */
  default RemovalReport remove(RemovalPlan plan) {
    return removal().remove(plan);
  }
}
