/** Internal text utilities for the views: Go templates as docker uses them, aligned columns, the terminal. */
package dev.mimg.render;
