/** Internal: listings as text and JSON (flat, tree, remote), for the front ends; views never query a store. */
package dev.mimg.view;
