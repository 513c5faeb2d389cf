/** Front end: the Groovy shell and script runner, with the DSL imported (kept off the CLI's class path). */
package dev.mimg.shell;
