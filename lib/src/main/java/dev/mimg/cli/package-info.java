/**
 * Front end: the command line ({@code mimg ls}, {@code rm}, {@code prune}, {@code pull}...). Each command turns its
 * flags into one DSL expression; {@link dev.mimg.cli.Runner} plans, confirms, carries out and reports every change,
 * for the Groovy side too, and {@link dev.mimg.cli.StoreOptions} picks the store for both.
 */
package dev.mimg.cli;
