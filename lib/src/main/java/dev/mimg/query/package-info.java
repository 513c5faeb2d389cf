/**
 * Public API, the DSL users script against: {@code import static dev.mimg.query.Mimg.*;} then
 * {@code images().platform("linux/s390x").shallow().remove()}. Queries ({@link dev.mimg.query.ImageQuery},
 * {@link dev.mimg.query.VariantQuery}) are immutable and lazy; removals are planned before they act
 * ({@link dev.mimg.query.Removal}, {@link dev.mimg.query.RemovalPlan}, {@link dev.mimg.query.RemovalReport}); pulls
 * follow the seed's rules ({@link dev.mimg.query.Pull}); a copy to another store keeps the image's digest
 * ({@link dev.mimg.query.Copy}, {@link dev.mimg.query.CopyReport}). Planners, the remover, the puller, the copier
 * and retention rules are package-private: every front end reaches them through the DSL only.
 */
package dev.mimg.query;
