/**
 * Internal: a fleet, several stores asked as one ({@link dev.mimg.store.fleet.FleetStore}): in parallel, a time limit
 * each, every image labelled with the store it lives in, a failing member one notice while the others answer.
 */
package dev.mimg.store.fleet;
