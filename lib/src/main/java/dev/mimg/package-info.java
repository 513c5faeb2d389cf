/**
 * mimg: see which platforms of each multi-arch image a store holds, what each costs, and remove, prune or pull
 * single platforms. Scripts use two packages only: {@link dev.mimg.query} (the DSL) and {@link dev.mimg.model}
 * (its values); everything else is internal, and the layers point one way: model, text utilities, registry
 * client, store port and stores, query core, views, front ends (checked by PackageDependenciesTest).
 */
package dev.mimg;
